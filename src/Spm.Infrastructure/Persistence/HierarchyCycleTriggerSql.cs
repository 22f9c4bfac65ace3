namespace Spm.Infrastructure.Persistence;

/// <summary>
/// SQL for triggers that refuse cycles in a self-referencing hierarchy. The domain checks first
/// and gives the friendlier error; the trigger is the guarantee for every other write path,
/// and a per-tenant advisory lock stops two concurrent moves from closing a loop together.
/// </summary>
internal static class HierarchyCycleTriggerSql
{
    public static string Create(string table, string parentColumn, string what) => $"""
        CREATE FUNCTION {table}_refuse_{parentColumn}_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.{parentColumn} IS NULL THEN
                RETURN NEW;
            END IF;
            PERFORM pg_advisory_xact_lock(hashtext('{table}.{parentColumn}:' || NEW.tenant_id::text));
            IF NEW.{parentColumn} = NEW.id OR EXISTS (
                WITH RECURSIVE chain(id, depth) AS (
                    SELECT t.{parentColumn}, 1 FROM {table} t WHERE t.id = NEW.{parentColumn}
                    UNION ALL
                    SELECT t.{parentColumn}, c.depth + 1 FROM {table} t JOIN chain c ON t.id = c.id
                    WHERE c.depth < 10000)
                SELECT 1 FROM chain WHERE chain.id = NEW.id)
            THEN
                RAISE EXCEPTION 'HIERARCHY_CYCLE: % % cannot sit under % (it would create a cycle in the {what} hierarchy)',
                    '{what}', NEW.id, NEW.{parentColumn}
                    USING ERRCODE = '23514', CONSTRAINT = 'ck_{table}_{parentColumn}_acyclic';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER trg_{table}_{parentColumn}_acyclic
            BEFORE INSERT OR UPDATE OF {parentColumn} ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_refuse_{parentColumn}_cycle();
        """;

    public static string Drop(string table, string parentColumn) => $"""
        DROP TRIGGER IF EXISTS trg_{table}_{parentColumn}_acyclic ON {table};
        DROP FUNCTION IF EXISTS {table}_refuse_{parentColumn}_cycle();
        """;
}
