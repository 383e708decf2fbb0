import ArgumentParser
import Screening

/// Exit statuses: the verdict, apart from errors (documented in the README).
enum ExitStatus {
    static let clear: Int32 = 0
    static let error: Int32 = 1
    static let conditional: Int32 = 2
    static let restricted: Int32 = 3
    static let prohibited: Int32 = 4

    static func code(for verdict: Verdict) -> ExitCode {
        switch verdict {
        case .clear: ExitCode(clear)
        case .conditional: ExitCode(conditional)
        case .restricted: ExitCode(restricted)
        case .prohibited: ExitCode(prohibited)
        }
    }
}

/// An error the CLI reports in one line and exits 1 for.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case input(String)

    var description: String {
        switch self {
        case let .usage(message), let .input(message): message
        }
    }
}
