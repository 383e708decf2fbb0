import ScreeningTestSupport
import Testing

@testable import Screening

@Suite("The verdict policy")
struct VerdictPolicyTests {
    @Test("a finding contributes its rule's outcome inside, at most conditional when it only touches, nothing when nearby")
    func contribution() {
        for outcome in Outcome.allCases {
            #expect(Verdict.contribution(of: outcome, relation: .inside) == outcome)
            #expect(Verdict.contribution(of: outcome, relation: .partlyInside) == outcome)
            #expect(Verdict.contribution(of: outcome, relation: .nearby) == .noRule)
        }
        #expect(Verdict.contribution(of: .prohibited, relation: .touches) == .conditional)
        #expect(Verdict.contribution(of: .restricted, relation: .touches) == .conditional)
        #expect(Verdict.contribution(of: .allowed, relation: .touches) == .allowed)
        #expect(Verdict(.allowed) == .clear && Verdict(.noRule) == .clear && Verdict(.restricted) == .restricted)
        #expect([Verdict.conditional, .prohibited, .clear].max() == .prohibited)
        #expect([Verdict]().max() == nil)
    }
}
