using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Spm.GraphQL.AspNetCore.Validation;

/// <summary>
/// Enforces <c>Authorize</c>, <c>AuthorizeWithRoles</c> and <c>AuthorizeWithPolicy</c> on the
/// schema, types and fields the selected operation reaches, through fragments and honouring
/// <c>@skip</c>/<c>@include</c> with their variables. It runs after variables are known and on
/// cached documents, since the answer depends on the caller.
/// </summary>
internal sealed class AuthorizationValidationRule : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HasErrors)
        {
            // Earlier failures (e.g. fragment cycles) make the walk unsafe; the request fails anyway.
            return null;
        }

        var walker = new Walker(context);
        await walker.RunAsync();
        return null;
    }

    private sealed class Walker(ValidationContext context)
    {
        private readonly ClaimsPrincipal _user = context.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        private readonly Dictionary<string, bool> _policyResults = new(StringComparer.Ordinal);
        private readonly HashSet<string> _fragmentsInUse = new(StringComparer.Ordinal);
        private readonly List<object> _path = [];

        public async Task RunAsync()
        {
            var operation = context.Operation;
            IObjectGraphType? root = operation.Operation switch
            {
                OperationType.Query => context.Schema.Query,
                OperationType.Mutation => context.Schema.Mutation,
                OperationType.Subscription => context.Schema.Subscription,
                _ => null,
            };
            if (root is null)
            {
                return;
            }

            if (await DenialAsync(context.Schema) is { } schemaDenial)
            {
                Report(schemaDenial, operation);
                return;
            }

            if (await DenialAsync(root) is { } rootDenial)
            {
                Report(rootDenial, operation);
                return;
            }

            await WalkAsync(operation.SelectionSet, root);
        }

        private async Task WalkAsync(GraphQLSelectionSet selectionSet, IGraphType parentType)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (!context.ShouldIncludeNode(selection))
                {
                    continue;
                }

                switch (selection)
                {
                    case GraphQLField field:
                        await VisitFieldAsync(field, parentType);
                        break;
                    case GraphQLInlineFragment inline:
                        var inlineType = inline.TypeCondition is { } condition
                            ? context.Schema.AllTypes[condition.Type.Name.Value] ?? parentType
                            : parentType;
                        await WalkAsync(inline.SelectionSet, inlineType);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        var fragment = context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value);
                        if (fragment is null || !_fragmentsInUse.Add(name))
                        {
                            continue;
                        }

                        var fragmentType = context.Schema.AllTypes[fragment.TypeCondition.Type.Name.Value] ?? parentType;
                        await WalkAsync(fragment.SelectionSet, fragmentType);
                        _fragmentsInUse.Remove(name);
                        break;
                }
            }
        }

        private async Task VisitFieldAsync(GraphQLField field, IGraphType parentType)
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal) || parentType is not IComplexGraphType complex)
            {
                return;
            }

            var definition = complex.GetField(field.Name.Value);
            if (definition is null)
            {
                return;
            }

            _path.Add(field.Alias?.Name.StringValue ?? name);
            try
            {
                var fieldType = definition.ResolvedType?.GetNamedType();
                var denial = await DenialAsync(definition);
                if (denial is null && fieldType is not null)
                {
                    denial = await DenialAsync(fieldType);
                }

                if (denial is not null)
                {
                    Report(denial, field);
                    return;
                }

                if (field.SelectionSet is not null && fieldType is not null)
                {
                    await WalkAsync(field.SelectionSet, fieldType);
                }
            }
            finally
            {
                _path.RemoveAt(_path.Count - 1);
            }
        }

        private async ValueTask<string?> DenialAsync(IMetadataReader element)
        {
            var policies = element.GetPolicies();
            var roles = element.GetRoles();
            var required = element.IsAuthorizationRequired() || policies is { Count: > 0 } || roles is { Count: > 0 };
            if (!required)
            {
                return null;
            }

            if (_user.Identity?.IsAuthenticated != true)
            {
                return "Authentication is required.";
            }

            if (roles is { Count: > 0 } && !roles.Any(_user.IsInRole))
            {
                return $"One of the roles {string.Join(", ", roles)} is required.";
            }

            foreach (var policy in policies ?? [])
            {
                if (!await IsAuthorizedAsync(policy))
                {
                    return $"The policy '{policy}' is not satisfied.";
                }
            }

            return null;
        }

        private async ValueTask<bool> IsAuthorizedAsync(string policy)
        {
            if (_policyResults.TryGetValue(policy, out var known))
            {
                return known;
            }

            var service = context.RequestServices?.GetService<IAuthorizationService>()
                ?? throw new InvalidOperationException("Authorization policies need IAuthorizationService: call services.AddAuthorization().");
            var result = await service.AuthorizeAsync(_user, policy);
            _policyResults[policy] = result.Succeeded;
            return result.Succeeded;
        }

        private void Report(string reason, ASTNode node)
        {
            var error = new ValidationError(context.Document.Source, null, "Access denied: " + reason, node)
            {
                Code = TransportErrorCodes.AccessDenied,
            };
            if (_path.Count > 0)
            {
                error.Path = [.. _path];
            }

            context.ReportError(error);
        }
    }
}
