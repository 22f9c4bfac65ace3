namespace Spm.Infrastructure.Persistence;

/// <summary>
/// Statement-level triggers that raise territory_revisions.revision for every tenant a statement touched in the tables
/// that decide territory membership and ownership. Any writer (the API, a bulk load, psql) invalidates every node's
/// cached resolvers; a statement that changes no row (an unchanged re-import writes none) leaves the revision alone.
/// </summary>
internal static class TerritoryRevisionTriggerSql
{
    public static readonly string[] Tables = ["accounts", "territories", "territory_overrides", "territory_assignments"];

    public static string Create()
    {
        var sql = new System.Text.StringBuilder("""
            CREATE FUNCTION territory_revision_bump_new() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO territory_revisions (tenant_id, revision)
                SELECT DISTINCT tenant_id, 1 FROM changed_rows
                ON CONFLICT (tenant_id) DO UPDATE SET revision = territory_revisions.revision + 1;
                RETURN NULL;
            END $$;
            CREATE FUNCTION territory_revision_bump_old() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO territory_revisions (tenant_id, revision)
                SELECT DISTINCT o.tenant_id, 1 FROM changed_rows o WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = o.tenant_id)
                ON CONFLICT (tenant_id) DO UPDATE SET revision = territory_revisions.revision + 1;
                RETURN NULL;
            END $$;

            """);
        sql.Append(TriggersFor(Tables));
        return sql.ToString();
    }

    /// <summary>Revision triggers on more tables (the functions must exist): what territory metrics read.</summary>
    public static string TriggersFor(IEnumerable<string> tables)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER trg_{table}_revision_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION territory_revision_bump_new();");
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER trg_{table}_revision_update AFTER UPDATE ON {table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION territory_revision_bump_new();");
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER trg_{table}_revision_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION territory_revision_bump_old();");
        }

        return sql.ToString();
    }

    public static string Drop()
    {
        var sql = new System.Text.StringBuilder(DropTriggersFor(Tables));
        sql.AppendLine("DROP FUNCTION IF EXISTS territory_revision_bump_new();");
        sql.AppendLine("DROP FUNCTION IF EXISTS territory_revision_bump_old();");
        return sql.ToString();
    }

    public static string DropTriggersFor(IEnumerable<string> tables)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            foreach (var op in new[] { "insert", "update", "delete" })
            {
                sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"DROP TRIGGER IF EXISTS trg_{table}_revision_{op} ON {table};");
            }
        }

        return sql.ToString();
    }
}
