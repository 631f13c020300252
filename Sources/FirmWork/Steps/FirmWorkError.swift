/// Why a firm job could not run, in words a firm's operator can act on.
public enum FirmWorkError: Error, CustomStringConvertible, Equatable {
    case badPayload(String)
    case notACloseStep(String)
    case noPeriod(String)

    public var description: String {
        switch self {
        case .badPayload(let text): "the job's payload \(text) is not a close step's (a newer Closer may have enqueued it: upgrade this worker)"
        case .notACloseStep(let kind): "this worker runs the close's steps (pull, check, reconcile, propose, package), not \(kind) jobs"
        case .noPeriod(let job): "\(job) has no period: a close step works on one period"
        }
    }
}
