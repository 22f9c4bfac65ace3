namespace Spm.Infrastructure.Persistence;

/// <summary>
/// Statement-level triggers that raise crediting_revisions.revision for every tenant a statement touched in the tables
/// a cached crediting setup is built from. Any writer (the API, a bulk load, psql) invalidates every node's cache; the
/// next recordSales reloads rules, rates and the organisation before crediting, so stale rules are never applied.
/// </summary>
internal static class CreditingRevisionTriggerSql
{
    public static readonly string[] Tables = ["crediting_rules", "fx_rates", "participants", "teams", "periods", "period_locks", "territories"];

    public static string Create()
    {
        var sql = new System.Text.StringBuilder("""
            CREATE FUNCTION crediting_revision_bump_new() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO crediting_revisions (tenant_id, revision)
                SELECT DISTINCT tenant_id, 1 FROM changed_rows
                ON CONFLICT (tenant_id) DO UPDATE SET revision = crediting_revisions.revision + 1;
                RETURN NULL;
            END $$;
            CREATE FUNCTION crediting_revision_bump_old() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO crediting_revisions (tenant_id, revision)
                SELECT DISTINCT o.tenant_id, 1 FROM changed_rows o WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = o.tenant_id)
                ON CONFLICT (tenant_id) DO UPDATE SET revision = crediting_revisions.revision + 1;
                RETURN NULL;
            END $$;
            CREATE FUNCTION crediting_revision_bump_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO crediting_revisions (tenant_id, revision)
                SELECT DISTINCT id, 1 FROM changed_rows
                ON CONFLICT (tenant_id) DO UPDATE SET revision = crediting_revisions.revision + 1;
                RETURN NULL;
            END $$;
            CREATE TRIGGER trg_tenants_crediting_revision_update AFTER UPDATE ON tenants REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION crediting_revision_bump_tenant();

            """);
        foreach (var table in Tables)
        {
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER trg_{table}_crediting_revision_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION crediting_revision_bump_new();");
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER trg_{table}_crediting_revision_update AFTER UPDATE ON {table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION crediting_revision_bump_new();");
            sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER trg_{table}_crediting_revision_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION crediting_revision_bump_old();");
        }

        return sql.ToString();
    }

    public static string Drop()
    {
        var sql = new System.Text.StringBuilder("DROP TRIGGER IF EXISTS trg_tenants_crediting_revision_update ON tenants;\n");
        foreach (var table in Tables)
        {
            foreach (var op in new[] { "insert", "update", "delete" })
            {
                sql.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"DROP TRIGGER IF EXISTS trg_{table}_crediting_revision_{op} ON {table};");
            }
        }

        sql.AppendLine("DROP FUNCTION IF EXISTS crediting_revision_bump_new();");
        sql.AppendLine("DROP FUNCTION IF EXISTS crediting_revision_bump_old();");
        sql.AppendLine("DROP FUNCTION IF EXISTS crediting_revision_bump_tenant();");
        return sql.ToString();
    }
}
