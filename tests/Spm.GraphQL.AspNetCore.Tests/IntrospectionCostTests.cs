using System.Net;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class IntrospectionCostTests
{
    /// <summary>graphql-js getIntrospectionQuery(): what GraphiQL and code generators send.</summary>
    private const string FullIntrospection = """
        query IntrospectionQuery {
              __schema {

                queryType { name kind }
                mutationType { name kind }
                subscriptionType { name kind }
                types {
                  ...FullType
                }
                directives {
                  name
                  description



                  locations
                  args {
                    ...InputValue
                  }
                }
              }
            }

            fragment FullType on __Type {
              kind
              name
              description


              fields(includeDeprecated: true) {
                name
                description
                args {
                  ...InputValue
                }
                type {
                  ...TypeRef
                }
                isDeprecated
                deprecationReason
              }
              inputFields {
                ...InputValue
              }
              interfaces {
                ...TypeRef
              }
              enumValues(includeDeprecated: true) {
                name
                description
                isDeprecated
                deprecationReason
              }
              possibleTypes {
                ...TypeRef
              }
            }

            fragment InputValue on __InputValue {
              name
              description
              type { ...TypeRef }
              defaultValue


            }

            fragment TypeRef on __Type {
              kind
              name
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                            ofType {
                              name
                              kind
                              ofType {
                                name
                                kind
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
        """;

    [Fact]
    public async Task The_standard_introspection_query_passes_the_default_limits_for_free()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.PostAsync(new { query = FullIntrospection });

        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        Assert.True(response.Data.GetProperty("__schema").GetProperty("types").GetArrayLength() > 5);
        var cost = response.Json.GetProperty("extensions").GetProperty("cost");
        // GraphQL.NET still counts a point or two at the root; without the exemption this was 125,430.
        Assert.InRange(cost.GetProperty("requestedQueryCost").GetDouble(), 0, 2);
    }

    [Fact]
    public async Task Data_fields_next_to_introspection_still_cost_what_they_cost_alone()
    {
        // expensive has an impact of 500 (WithComplexityImpact); the introspection beside it adds only its root field.
        await using var host = await TestHost.StartAsync();

        var alone = await host.PostAsync(new { query = "{ expensive }" });
        var response = await host.PostAsync(new { query = "{ __schema { types { name fields { name } } } expensive }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var cost = alone.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetDouble();
        Assert.True(cost >= 500);
        Assert.InRange(response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetDouble(), cost, cost + 2);
    }
}
