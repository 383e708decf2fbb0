import ArgumentParser
import Geo

/// The `redline` command.
@main
struct RedLine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Screen proposed project footprints against China's ecological zoning (生态保护红线, 自然保护地, 饮用水水源保护区, 禁养区, 三线一单).",
        discussion: """
            RedLine checks where a project's land footprint meets ecological protection red lines, nature reserves, \
            drinking-water source protection zones, livestock no-go zones and environmental control units, and reports \
            the rule that applies with its legal basis.

            Linked libraries: \(LibraryVersions.summary)
            """,
        version: RedLineVersion.current,
        subcommands: [Screen.self, BatchCommand.self, AreaCommand.self, ZonesCommand.self, DiffCommand.self, ConvertCommand.self, ServeCommand.self]
    )
}
