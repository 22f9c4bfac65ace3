-- Extra reps in the demo tenant for ./spm bench graphql (its own database, never the demo's):
-- enough rows for a full 100-row page and for a ~1 MB `teams { members }` answer.
WITH acme AS (SELECT id FROM tenants WHERE slug = 'acme'),
     t AS (SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, manager_id, tenant_id
           FROM teams WHERE tenant_id = (SELECT id FROM acme)),
     n AS (SELECT count(*) AS c FROM t)
INSERT INTO participants (id, tenant_id, name, email, role, manager_id, team_id, hire_date, termination_date, pay_currency, status)
SELECT gen_random_uuid(), t.tenant_id, 'Bench Rep ' || lpad(g::text, 5, '0'), 'bench.rep.' || g || '@acme.example',
       'Rep', t.manager_id, t.id, DATE '2024-01-01' + (g % 700), NULL, 'USD', 'Active'
FROM generate_series(1, :extra) AS g CROSS JOIN n JOIN t ON t.i = g % n.c;
