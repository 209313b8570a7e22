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
                + "base64url_nopad(HMAC_SHA256(secret, ts + METHOD + URL + body)). See docs/authentication.md. "
                + "The approvers' channel, /approver/v1, is signed by the approver's enrolled secp256k1 key instead: "
                + "see docs/approvers.md.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKeyAuth"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "qredo-api-key",
                Description = "The key id; qredo-api-ts and qredo-api-sig go with it.",
            };
            document.Components.SecuritySchemes["ApproverKeyAuth"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "qapi-approver-id",
                Description = "The approver key's id; qapi-approver-ts and qapi-approver-sig (hex of a secp256k1 "
                    + "signature over SHA-256(ts + METHOD + URL + body)) go with it.",
            };
            return Task.CompletedTask;
        });
}
