using System.Net;
using Microsoft.AspNetCore.Http;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class HttpTransportTests
{
    [Fact]
    public async Task Post_with_graphql_response_accept_answers_in_that_media_type()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    public async Task Legacy_or_missing_accept_gets_application_json(string? accept)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }" }, accept);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
    }

    [Fact]
    public async Task Both_accepted_with_equal_quality_prefers_graphql_response_json()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }" }, "application/json, application/graphql-response+json");
        Assert.Equal("application/graphql-response+json", response.MediaType);
    }

    [Fact]
    public async Task Higher_quality_application_json_wins()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }" }, "application/graphql-response+json;q=0.5, application/json");
        Assert.Equal("application/json", response.MediaType);
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/graphql-response+json;q=0")]
    public async Task Nothing_acceptable_is_406(string accept)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }" }, accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("NOT_ACCEPTABLE", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Unparsable_json_is_400(string accept)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostRawAsync("{ \"query\": ", "application/json", accept);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_JSON", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("""{"query": 42}""", "The 'query' parameter must be a string.")]
    [InlineData("""{"query": "{ hello }", "variables": "x"}""", "The 'variables' parameter must be an object.")]
    [InlineData("""{"query": "{ hello }", "operationName": 1}""", "The 'operationName' parameter must be a string.")]
    [InlineData("""{"query": "{ hello }", "extensions": []}""", "The 'extensions' parameter must be an object.")]
    [InlineData("\"{ hello }\"", "The request must be a JSON object.")]
    public async Task Not_well_formed_request_is_400(string body, string message)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostRawAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST", response.FirstErrorCode);
        Assert.Equal(message, response.FirstErrorMessage);
    }

    [Fact]
    public async Task Missing_query_is_400()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostRawAsync("{}", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST", response.FirstErrorCode);
    }

    [Fact]
    public async Task Batch_array_is_refused_with_a_clear_error()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostRawAsync("""[{"query":"{ hello }"},{"query":"{ hello }"}]""", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BATCHING_NOT_SUPPORTED", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task Non_json_bodies_are_415(string? contentType)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostRawAsync("""{"query":"{ hello }"}""", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Json_with_utf8_charset_is_accepted()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostRawAsync("""{"query":"{ hello }"}""", "application/json; charset=utf-8");
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxRequestBodyBytes = 100);
        var response = await host.PostAsync(new { query = "{ hello }", variables = new { pad = new string('x', 200) } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Document_parse_failure_status_depends_on_media_type(string accept, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello" }, accept);
        Assert.Equal(expected, response.Status);
        Assert.Equal("SYNTAX_ERROR", response.FirstErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Validation_failure_status_depends_on_media_type(string accept, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ nope }" }, accept);
        Assert.Equal(expected, response.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Field_error_is_200_with_a_code_and_no_exception_details()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello boom }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        Assert.Equal("INVALID_OPERATION", response.FirstErrorCode);
        Assert.DoesNotContain("secret internal detail", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_details_are_shown_only_when_the_option_says_so()
    {
        await using var host = await TestHost.StartAsync(o => o.ExposeExceptionDetails = true);
        var response = await host.PostAsync(new { query = "{ boom }" });
        Assert.Contains("secret internal detail", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_are_passed()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "query($t: String) { echo(text: $t) }", variables = new { t = "hi" } });
        Assert.Equal("hi", response.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Get_runs_a_query_with_json_variables()
    {
        await using var host = await TestHost.StartAsync();
        var query = Uri.EscapeDataString("query($t: String) { echo(text: $t) }");
        var variables = Uri.EscapeDataString("""{"t":"from get"}""");
        var response = await host.GetAsync($"?query={query}&variables={variables}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("from get", response.Data.GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Mutation_over_get_is_405_with_allow_post(string accept)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.GetAsync("?query=" + Uri.EscapeDataString("mutation { increment }"), accept);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", string.Join(",", response.ContentHeaders.Allow));
        Assert.Equal("METHOD_NOT_ALLOWED", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Subscription_over_http_is_refused(string accept, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "subscription { events }" }, accept);
        Assert.Equal(expected, response.Status);
        Assert.Equal("SUBSCRIPTIONS_NEED_WEBSOCKET", response.FirstErrorCode);
        Assert.Equal(0, host.Events.SubscriberCount);
    }

    [Fact]
    public async Task Mutation_over_post_runs()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "mutation { increment }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Data.GetProperty("increment").GetInt32() > 0);
    }

    [Theory]
    [InlineData("?query=%7B%20hello%20%7D&variables=%5B%5D", "The 'variables' parameter must be a JSON object.")]
    [InlineData("?query=%7B%20hello%20%7D&variables=%7Bnope", "The 'variables' parameter is not valid JSON.")]
    [InlineData("?query=%7B%20hello%20%7D&extensions=3", "The 'extensions' parameter must be a JSON object.")]
    public async Task Get_with_malformed_parameters_is_400(string queryString, string message)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.GetAsync(queryString);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(message, response.FirstErrorMessage);
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_get_post()
    {
        await using var host = await TestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql");
        var response = await host.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET,POST", string.Join(",", response.ContentHeaders.Allow));
    }

    [Fact]
    public async Task Browser_get_is_handed_to_the_html_handler()
    {
        await using var host = await TestHost.StartAsync(o => o.HtmlRequestHandler = ctx =>
        {
            ctx.Response.ContentType = "text/html";
            return ctx.Response.WriteAsync("<html>graphiql</html>");
        });
        var response = await host.GetAsync(string.Empty, "text/html,application/xhtml+xml,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Equal("<html>graphiql</html>", response.Body);
    }

    [Fact]
    public async Task Html_handler_serves_anonymous_browsers_but_never_graphql_requests()
    {
        var calls = 0;
        await using var host = await TestHost.StartAsync(o =>
        {
            // A host that requires authentication still shows its IDE page to a signed-out browser.
            o.RequireAuthentication = true;
            o.HtmlRequestHandler = ctx =>
            {
                Interlocked.Increment(ref calls);
                ctx.Response.ContentType = "text/html";
                return ctx.Response.WriteAsync("page");
            };
        });

        var page = await host.GetAsync(string.Empty, "text/html");
        var query = await host.GetAsync("?query=%7B%20hello%20%7D", "text/html,*/*;q=0.8");
        var json = await host.GetAsync(string.Empty, "application/json");
        var post = await host.PostAsync(new { query = "{ hello }" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("page", page.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, query.Status);
        Assert.Equal("application/json", query.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, json.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, post.Status);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Browser_get_is_redirected_to_the_graphiql_path()
    {
        await using var host = await TestHost.StartAsync(o => o.GraphiQLPath = "/graphiql/index.html");
        var response = await host.GetAsync(string.Empty, "text/html");
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/graphiql/index.html", response.Headers.Location?.ToString());

        var query = await host.GetAsync("?query=%7B%20hello%20%7D", "text/html,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal("application/json", query.MediaType);
    }

    [Fact]
    public async Task Browser_get_without_a_handler_is_answered_as_graphql()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.GetAsync(string.Empty, "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Required_authentication_refuses_anonymous_with_401()
    {
        await using var host = await TestHost.StartAsync(o => o.RequireAuthentication = true);
        var anonymous = await host.PostAsync(new { query = "{ hello }" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);

        var authenticated = await host.PostAsync(new { query = "{ hello }" }, user: "alice");
        Assert.Equal(HttpStatusCode.OK, authenticated.Status);
    }

    [Fact]
    public async Task Every_error_carries_a_code()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello nope boom }" });
        foreach (var error in response.Json.GetProperty("errors").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(error.GetProperty("extensions").GetProperty("code").GetString()));
        }
    }
}
