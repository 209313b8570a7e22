using Qapi.Client;
using Qapi.Client.Models.Admin;
using Qapi.Data.Admin;

namespace Qapi.Server.Admin;

/// <summary><c>POST /orgs</c>: a person founds an organization with their own key and administers it.</summary>
internal static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this RouteGroupBuilder admin) =>
        admin.MapPost("/orgs", FoundAsync)
            .WithName("AdminCreateOrganization")
            .Accepts<CreateOrganizationRequest>("application/json")
            .Produces<CreateOrganizationResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> FoundAsync(
        HttpContext context, OrganizationService organizations, CancellationToken cancellationToken)
    {
        var person = MeEndpoints.OwnKeyHolder(context);
        var request = AdminBody.Read(context, QapiJsonContext.Default.CreateOrganizationRequest);
        var (organization, mnemonic) = await organizations.FoundAsync(person, request.Name, request.Email,
            request.Domain, request.Address, cancellationToken);

        AdminLog.OrganizationFounded(AdminLog.For(context), person, organization.Id);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{AdminApi.BasePath}/accounts/{organization.Id}",
            new CreateOrganizationResponse(AdminViews.Profile(organization), mnemonic));
    }
}
