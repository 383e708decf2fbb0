import Foundation
import FuzzChecks

#if FUZZING
    import CFuzzer
#endif

// One binary, every target: REDLINE_FUZZ_TARGET names the check. Built by scripts/fuzz with
// `-sanitize=fuzzer,address -DFUZZING`, `main` hands over to libFuzzer's driver, which calls `fuzzOneInput`; in a
// normal build `redline-fuzz TARGET FILE...` replays inputs (the way a crash found by the fuzzer is looked at).

/// The repository root: REDLINE_ROOT, else the working folder.
private func repositoryRoot() -> URL {
    URL(fileURLWithPath: ProcessInfo.processInfo.environment["REDLINE_ROOT"] ?? FileManager.default.currentDirectoryPath)
}

private let harness: FuzzHarness? = {
    let name = ProcessInfo.processInfo.environment["REDLINE_FUZZ_TARGET"] ?? ""
    guard let check = FuzzCheck(rawValue: name) else {
        FileHandle.standardError.write(Data("REDLINE_FUZZ_TARGET must be one of \(FuzzCheck.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        return nil
    }
    do { return try FuzzHarness(check, repository: repositoryRoot()) } catch {
        FileHandle.standardError.write(Data("cannot set up \(name): \(error)\n".utf8))
        return nil
    }
}()

/// One input: a broken property stops the run like a crash, so the input is saved and minimised.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let harness else { exit(2) }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try harness.run(bytes)
    } catch {
        FileHandle.standardError.write(Data("PROPERTY BROKEN (\(harness.check.rawValue)): \(error)\n".utf8))
        abort()
    }
    return 0
}

#if FUZZING
    @main
    struct FuzzMain {
        static func main() {
            // Set up (load the bundled data) before the first input, so that its time is not counted against it.
            guard harness != nil else { exit(2) }
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        }
    }
#else
    @main
    struct Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let target = arguments.first, let check = FuzzCheck(rawValue: target), arguments.count > 1 else {
                print("usage: redline-fuzz TARGET FILE...   (TARGET: \(FuzzCheck.allCases.map(\.rawValue).joined(separator: ", ")))")
                exit(64)
            }
            do {
                let harness = try FuzzHarness(check, repository: repositoryRoot())
                var broken = 0
                for file in arguments.dropFirst() {
                    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
                    do { try harness.run(bytes) } catch {
                        print("\(file): \(error)")
                        broken += 1
                    }
                }
                exit(broken == 0 ? 0 : 1)
            } catch {
                print("redline-fuzz: \(error)")
                exit(1)
            }
        }
    }
#endif
