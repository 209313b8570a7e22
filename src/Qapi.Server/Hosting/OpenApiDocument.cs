using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qapi.Server.Hosting;

/// <summary>Titles the generated OpenAPI document and describes the three signed headers.</summary>
internal static class OpenApiDocument
{
    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Qapi: Qredo API v1";
            document.Info.Description =
                "Every /qapi/v1 request carries qredo-api-key, qredo-api-ts and qredo-api-sig = "
                + "base64url_nopad(HMAC_SHA256(secret, ts + METHOD + URL + body)). See docs/authentication.md.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKeyAuth"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "qredo-api-key",
                Description = "The key id; qredo-api-ts and qredo-api-sig go with it.",
            };
            return Task.CompletedTask;
        });
}
