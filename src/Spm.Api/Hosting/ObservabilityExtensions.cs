using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Spm.Api.Hosting;

internal static class ObservabilityExtensions
{
    public static WebApplicationBuilder AddSpmObservability(this WebApplicationBuilder builder)
    {
        // Structured JSON logs outside Development, readable text inside it.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole();
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("spm-api"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddNpgsql().AddSource("Spm.*"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Spm.*"));
        // Exporters stay off unless an endpoint is configured: no network calls by default.
        if (!string.IsNullOrEmpty(builder.Configuration[SpmConfigurationKeys.OtlpEndpoint]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
