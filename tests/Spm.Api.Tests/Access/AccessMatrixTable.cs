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

        // Hub methods ("hub", "HubClass.Method", "", roles): none yet.
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
