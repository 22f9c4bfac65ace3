// What ./spm test hands the end-to-end tests: a running API (Production settings, test servers,
// demo tenant seeded) and an access token of the demo partner client (client credentials).
export function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests through ./spm test, which starts the API and gets a token.`);
  }
  return value;
}

export const baseUrl = required('SPM_E2E_URL').replace(/\/$/, '');
export const token = required('SPM_E2E_TOKEN');
export const graphqlUrl = `${baseUrl}/graphql`;
export const wsUrl = graphqlUrl.replace(/^http/, 'ws');
export const DEMO_TENANT_NAME = 'Acme Robotics';
