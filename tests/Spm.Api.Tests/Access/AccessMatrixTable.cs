namespace Spm.Api.Tests.Access;

/// <summary>
/// THE access table of the tests: every root query field, mutation, subscription field and hub
/// method, the roles that may use it, and a document that exercises it. Placeholders in braces
/// ({participant}, {team}, {period}, {tenant}, {display}, {client}) are global ids filled in by
/// each test: ids of nothing for the matrix, another tenant's ids for the cross-tenant test.
/// Adding a root field, mutation or hub method without a row here fails AccessMatrixTests.
/// </summary>
public static class AccessMatrixTable
{
    private const string Everyone = "admin finance manager rep partner display";
    private const string Readers = "admin finance manager rep partner";
    private const string Admin = "admin";
    private const string Approvers = "admin manager";
    private const string Earnings = "admin finance manager rep";
    private const string Payouts = "admin finance";

    public static readonly IReadOnlyList<Row> Rows =
    [
        // Relay
        new("query", "node", """{ a: node(id: "{participant}") { id } b: node(id: "{team}") { id } c: node(id: "{period}") { id } d: node(id: "{tenant}") { id } e: node(id: "{display}") { id } f: node(id: "{client}") { id } }""", Everyone),
        new("query", "nodes", """{ nodes(ids: ["{participant}", "{team}", "{period}", "{tenant}", "{display}", "{client}"]) { id } }""", Everyone),

        // Organisation
        new("query", "tenant", "{ tenant { id name slug } }", Readers),
        new("query", "participants", "{ participants(first: 100) { totalCount nodes { id name } } }", Readers),
        new("query", "participant", """{ participant(id: "{participant}") { id name } }""", Readers),
        new("query", "teams", "{ teams { id name } }", Readers),
        new("query", "periods", "{ periods { id name } }", Readers),

        // Access
        new("query", "me", "{ me { subject kind role scopes tenant { id name } participant { id } display { id } } }", Everyone),
        new("query", "clients", "{ clients(includeRevoked: true) { id clientId name } }", Admin),
        new("query", "displays", "{ displays(includeUnpaired: true) { id name } }", Admin),
        new("query", "auditLog", "{ auditLog(first: 100) { totalCount nodes { action entityType entityId before after } } }", Admin),
        new("mutation", "createClient", """mutation { createClient(input: {name: "", role: PARTNER, scopes: ["spm.read"]}) { client { id } clientSecret errors { code field } } }""", Admin),
        new("mutation", "rotateClientSecret", """mutation { rotateClientSecret(input: {id: "{client}"}) { client { id } clientSecret errors { code field } } }""", Admin),
        new("mutation", "revokeClient", """mutation { revokeClient(input: {id: "{client}"}) { client { id } errors { code field } } }""", Admin),
        new("mutation", "inviteUser", """mutation { inviteUser(input: {participantId: "{participant}", email: "cross.tenant@example.com", role: REP}) { userId invitationUrl errors { code field } } }""", Admin),
        new("mutation", "unpairDisplay", """mutation { unpairDisplay(input: {id: "{display}"}) { display { id } errors { code field } } }""", Admin),

        // Persisted documents
        new("query", "persistedDocuments", "{ persistedDocuments(first: 100) { totalCount nodes { documentId text global } } }", Admin),
        new("mutation", "registerPersistedDocuments", """mutation { registerPersistedDocuments(input: {documents: ["{ not valid"]}) { documentIds errors { code field } } }""", Admin),

        // Plans, quotas and approvals
        new("query", "salesPlans", """{ salesPlans { __typename } }""", Readers),
        new("query", "salesPlan", """{ salesPlan(fiscalYear: 1) { __typename } }""", Readers),
        new("query", "capacity", """{ capacity(planId: "none") { __typename } }""", Readers),
        new("query", "capacityWhatIf", """{ capacityWhatIf(input: {planId: "none"}) { __typename } }""", Readers),
        new("query", "quotas", """{ quotas(first: 1, periodId: "none") { __typename } }""", Readers),
        new("query", "quotaHistory", """{ quotaHistory(quotaId: "none") { __typename } }""", Readers),
        new("query", "approvalRequests", """{ approvalRequests(first: 1) { __typename } }""", Readers),
        new("mutation", "createSalesPlan", """mutation { createSalesPlan(input: {fiscalYear: 1}) { __typename } }""", Admin),
        new("mutation", "updateSalesPlan", """mutation { updateSalesPlan(input: {id: "none"}) { __typename } }""", Admin),
        new("mutation", "allocateQuotas", """mutation { allocateQuotas(input: {planId: "none"}) { __typename } }""", Admin),
        new("mutation", "adjustQuota", """mutation { adjustQuota(input: {quotaId: "none", amount: "x", reason: "x"}) { __typename } }""", Approvers),
        new("mutation", "submitQuotas", """mutation { submitQuotas(input: {quotaId: "none"}) { __typename } }""", Approvers),
        new("mutation", "approveQuotas", """mutation { approveQuotas(input: {approvalRequestId: "none"}) { __typename } }""", Approvers),
        new("mutation", "rejectQuotas", """mutation { rejectQuotas(input: {approvalRequestId: "none"}) { __typename } }""", Approvers),

        // Accounts and territories
        new("query", "accounts", """{ accounts(first: 1) { __typename } }""", Readers),
        new("query", "account", """{ account(id: "none") { __typename } }""", Readers),
        new("query", "territories", """{ territories { __typename } }""", Readers),
        new("query", "territory", """{ territory(id: "none") { __typename } }""", Readers),
        new("query", "territoryCoverage", """{ territoryCoverage { __typename } }""", Readers),
        new("query", "territoryBalance", """{ territoryBalance { __typename } }""", Readers),
        new("query", "resolveTerritory", """{ resolveTerritory(accountId: "none") { __typename } }""", Readers),
        new("query", "rebalanceProposal", """{ rebalanceProposal(id: "none") { __typename } }""", Readers),
        new("mutation", "upsertAccounts", """mutation { upsertAccounts(input: {accounts: []}) { __typename } }""", Admin),
        new("mutation", "createTerritory", """mutation { createTerritory(input: {name: "x", level: "x", effectiveFrom: "2026-03-01"}) { __typename } }""", Admin),
        new("mutation", "updateTerritory", """mutation { updateTerritory(input: {id: "none"}) { __typename } }""", Admin),
        new("mutation", "moveTerritory", """mutation { moveTerritory(input: {id: "none"}) { __typename } }""", Admin),
        new("mutation", "setTerritoryRules", """mutation { setTerritoryRules(input: {territoryId: "none", rules: []}) { __typename } }""", Admin),
        new("mutation", "setTerritoryOverrides", """mutation { setTerritoryOverrides(input: {territoryId: "none", include: [], exclude: []}) { __typename } }""", Admin),
        new("mutation", "assignTerritoryParticipant", """mutation { assignTerritoryParticipant(input: {territoryId: "none", participantId: "none", role: PRIMARY, effectiveFrom: "2026-03-01"}) { __typename } }""", Admin),
        new("mutation", "unassignTerritoryParticipant", """mutation { unassignTerritoryParticipant(input: {assignmentId: "none"}) { __typename } }""", Admin),
        new("mutation", "proposeRebalance", """mutation { proposeRebalance(input: {parentId: "none"}) { __typename } }""", Admin),
        new("mutation", "applyRebalance", """mutation { applyRebalance(input: {proposalId: "none"}) { __typename } }""", Admin),

        // Sales, crediting, activities, pipeline
        new("query", "sales", """{ sales(first: 1) { __typename } }""", Readers),
        new("query", "sale", """{ sale(id: "none") { __typename } }""", Readers),
        new("query", "attainment", """{ attainment(periodId: "none") { __typename } }""", Readers),
        new("query", "teamAttainment", """{ teamAttainment(teamId: "none", periodId: "none") { __typename } }""", Readers),
        new("query", "territoryAttainment", """{ territoryAttainment(territoryId: "none", periodId: "none") { __typename } }""", Readers),
        new("query", "activities", """{ activities(first: 1) { __typename } }""", Readers),
        new("query", "opportunities", """{ opportunities(first: 1) { __typename } }""", Readers),
        new("query", "fxRates", """{ fxRates { __typename } }""", Readers),
        new("query", "creditingRules", """{ creditingRules { __typename } }""", Readers),
        new("mutation", "recordSales", """mutation { recordSales(input: {sales: []}) { __typename } }""", Admin),
        new("mutation", "cancelSale", """mutation { cancelSale(input: {source: "x", externalId: "x"}) { __typename } }""", Admin),
        new("mutation", "setFxRates", """mutation { setFxRates(input: {rates: []}) { __typename } }""", Admin),
        new("mutation", "recreditSales", """mutation { recreditSales(input: {closedFrom: "2026-01-01", closedTo: "2026-01-31", dryRun: true}) { __typename } }""", Admin),
        new("mutation", "setCreditingRules", """mutation { setCreditingRules(input: {rules: []}) { __typename } }""", Admin),
        new("mutation", "logActivities", """mutation { logActivities(input: {activities: []}) { __typename } }""", Admin),
        new("mutation", "upsertOpportunities", """mutation { upsertOpportunities(input: {opportunities: []}) { __typename } }""", Admin),

        // Contests
        new("query", "contests", "{ contests(first: 5) { nodes { key title status standings(top: 3) { rank displayName score } } } }", Everyone),
        new("query", "contest", """{ contest(key: "none") { key } }""", Everyone),
        new("mutation", "createContest", """mutation { createContest(input: {key: "x", title: "", format: TOP_N, metric: DEALS_WON, startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-02-01T00:00:00Z"}) { contest { id } errors { code field } } }""", Admin),
        new("mutation", "updateContest", """mutation { updateContest(input: {id: "{participant}"}) { contest { id } errors { code field } } }""", Admin),
        new("mutation", "cancelContest", """mutation { cancelContest(input: {id: "{participant}"}) { contest { id } errors { code field } } }""", Admin),
        new("mutation", "rebuildContest", """mutation { rebuildContest(input: {id: "{participant}"}) { contest { id } errors { code field } } }""", Admin),

        // Leaderboards
        new("query", "leaderboards", "{ leaderboards { key title standings { entrants entries { rank } degraded } } }", Everyone),
        new("query", "leaderboard", """{ leaderboard(key: "none") { key around(participantId: "{participant}") { entrants } } }""", Everyone),
        new("mutation", "createLeaderboard", """mutation { createLeaderboard(input: {key: "", title: "x", metrics: [{metric: CALLS}], window: DAY}) { leaderboard { key } errors { code field } } }""", Admin),
        new("mutation", "updateLeaderboard", """mutation { updateLeaderboard(input: {key: "none"}) { leaderboard { key } errors { code field } } }""", Admin),
        new("mutation", "deleteLeaderboard", """mutation { deleteLeaderboard(input: {key: "none"}) { key errors { code field } } }""", Admin),
        new("mutation", "rebuildLeaderboards", "mutation { rebuildLeaderboards { boards errors { code } } }", Admin),
        // Compensation
        new("query", "compPlans", "{ compPlans { __typename } }", Admin),
        new("query", "compPlanAssignments", "{ compPlanAssignments { __typename } }", Admin),
        new("query", "calculationRuns", "{ calculationRuns { __typename } }", Admin),
        new("query", "calculationRun", """{ calculationRun(id: "none") { __typename } }""", Admin),
        new("query", "compareCalculationRuns", """{ compareCalculationRuns(a: "none", b: "none") { __typename } }""", Admin),
        new("query", "statement", """{ statement(participantId: "{participant}", periodId: "{period}") { __typename } }""", Earnings),
        new("query", "disputes", "{ disputes { __typename } }", Earnings),
        new("query", "payouts", "{ payouts { __typename } }", Payouts),
        new("query", "estimateDeal", """{ estimateDeal(amount: "1", currency: "EUR", closeDate: "2026-03-01") { __typename } }""", Earnings),
        new("query", "commissionExpense", "{ commissionExpense(fiscalYear: 2026) { __typename } }", Payouts),
        new("mutation", "createCompPlan", """mutation { createCompPlan(input: {name: "x", effectiveFrom: "2026-01-01", document: "{"}) { __typename } }""", Admin),
        new("mutation", "createCompPlanVersion", """mutation { createCompPlanVersion(input: {planId: "none", effectiveFrom: "2026-01-01", document: "{"}) { __typename } }""", Admin),
        new("mutation", "publishCompPlanVersion", """mutation { publishCompPlanVersion(input: {versionId: "none"}) { __typename } }""", Admin),
        new("mutation", "assignCompPlan", """mutation { assignCompPlan(input: {participantId: "{participant}", planId: "none", effectiveFrom: "2026-01-01", onTargetEarnings: "1", targetIncentive: "1"}) { __typename } }""", Admin),
        new("mutation", "startCalculationRun", """mutation { startCalculationRun(input: {periodId: "{period}"}) { __typename } }""", Admin),
        new("mutation", "startWhatIfRun", """mutation { startWhatIfRun(input: {versionId: "none", periodId: "{period}"}) { __typename } }""", Admin),
        new("mutation", "submitPayout", """mutation { submitPayout(input: {runId: "none"}) { __typename } }""", Payouts),
        new("mutation", "approvePayout", """mutation { approvePayout(input: {payoutId: "none"}) { __typename } }""", Approvers),
        new("mutation", "financeApprovePayout", """mutation { financeApprovePayout(input: {payoutId: "none"}) { __typename } }""", Payouts),
        new("mutation", "rejectPayout", """mutation { rejectPayout(input: {payoutId: "none", comment: "x"}) { __typename } }""", Earnings),
        new("mutation", "lockPayout", """mutation { lockPayout(input: {payoutId: "none"}) { __typename } }""", Payouts),
        new("mutation", "lockPeriod", """mutation { lockPeriod(input: {periodId: "{period}"}) { __typename } }""", Admin),
        new("mutation", "unlockPeriod", """mutation { unlockPeriod(input: {periodId: "{period}"}) { __typename } }""", Admin),
        new("mutation", "openDispute", """mutation { openDispute(input: {creditId: "none", description: "x"}) { __typename } }""", Earnings),
        new("mutation", "reviewDispute", """mutation { reviewDispute(input: {disputeId: "none"}) { __typename } }""", Admin),
        new("mutation", "resolveDispute", """mutation { resolveDispute(input: {disputeId: "none", resolution: "x"}) { __typename } }""", Admin),
        new("mutation", "rejectDispute", """mutation { rejectDispute(input: {disputeId: "none", resolution: "x"}) { __typename } }""", Admin),
        new("subscription", "calculationRunProgress", """subscription { calculationRunProgress(runId: "none") { status } }""", Admin),

        // Live (subscriptions are listed here; the transport tests enforce them over the socket)
        new("subscription", "serverClock", "subscription { serverClock }", Everyone),
        new("subscription", "leaderboardChanged", """subscription { leaderboardChanged(key: "board") { boardKey top { rank score } } }""", Everyone),
        new("subscription", "contestChanged", """subscription { contestChanged(key: "contest") { contestKey status } }""", Everyone),
        new("subscription", "attainmentChanged", """subscription { attainmentChanged(participantId: "{participant}") { scopeId attainmentPercent } }""", Readers),
        new("subscription", "saleCelebrated", "subscription { saleCelebrated { participantName amount { amount currency } } }", Everyone),
        new("subscription", "earningsChanged", """subscription { earningsChanged(participantId: "{participant}") { earnings { amount } } }""", Earnings),
        new("subscription", "disputeChanged", "subscription { disputeChanged { status } }", Earnings),

        // Hub methods ("hub", "HubClass.Method", "", roles); row-level limits (a screen's boards, a rep's self) are in HubTests.
        new("hub", "LiveHub.SubscribeLeaderboard", "", Everyone),
        new("hub", "LiveHub.UnsubscribeLeaderboard", "", Everyone),
        new("hub", "LiveHub.SubscribeContest", "", Everyone),
        new("hub", "LiveHub.UnsubscribeContest", "", Everyone),
        new("hub", "LiveHub.SubscribeParticipant", "", Readers),
        new("hub", "LiveHub.UnsubscribeParticipant", "", Readers),
        new("hub", "LiveHub.SubscribeTeam", "", Readers),
        new("hub", "LiveHub.UnsubscribeTeam", "", Readers),
        new("hub", "LiveHub.SubscribeEarnings", "", Earnings),
        new("hub", "LiveHub.UnsubscribeEarnings", "", Earnings),
        new("hub", "LiveHub.SubscribeDisputes", "", Earnings),
        new("hub", "LiveHub.UnsubscribeDisputes", "", Earnings),
        new("hub", "LiveHub.SubscribeCalculationRun", "", Payouts),
        new("hub", "LiveHub.UnsubscribeCalculationRun", "", Payouts),
    ];

    /// <summary>One line of the table.</summary>
    public sealed record Row(string Operation, string Field, string Document, string Allowed)
    {
        public IReadOnlyList<string> AllowedRoles => Allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        public string With(IReadOnlyDictionary<string, string> ids) =>
            ids.Aggregate(Document, (text, id) => text.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

        public override string ToString() => $"{Operation} {Field}";
    }
}
