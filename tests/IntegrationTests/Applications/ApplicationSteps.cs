using System.Net;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>The steps Applications tests share: taking applications both ways, grades over the bus, moving stages.</summary>
internal static class ApplicationSteps
{
    public const string Address = "淮安市淮阴区长江东路 88 号";

    /// <summary>Beijing's today: what the service checks report dates against.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static object PropertyProofBody(string uscc, string name = "淮阴区产权测试有限公司", string type = "newConnection", int kva = 400) => new
    {
        subjectKind = "legalEntity",
        identifier = uscc,
        applicantName = name,
        type,
        capacityKva = kva,
        address = Address,
        propertyProof = new { documentType = "不动产权证书", documentNumber = "苏(2026)淮安市不动产权第0012345号" },
    };

    public static object CreditPathBody(
        string identifier, string name = "淮阴区信用承诺测试有限公司", string kind = "legalEntity", DateOnly? issuedOn = null,
        DateOnly? validUntil = null, string[]? negativeItems = null) => new
        {
            subjectKind = kind,
            identifier,
            applicantName = name,
            type = "capacityIncrease",
            capacityKva = 800,
            address = Address,
            creditPath = new
            {
                legalRepresentative = "周振华",
                report = new
                {
                    number = "JSXY-2026-000123",
                    issuedOn = issuedOn ?? Today.AddDays(-3),
                    issuer = "江苏省公共信用信息中心",
                    validUntil = validUntil ?? Today.AddDays(27),
                    negativeItems = negativeItems ?? [],
                },
            },
        };

    public static async Task<JsonElement> SubmitAsync(this ServicesFixture services, object body)
    {
        using var clerk = services.CreateClientAs(ResourceNames.Applications, "clerk-wang", Roles.Clerk);
        return await clerk.PostJsonAsync("/api/applications", body, HttpStatusCode.Created);
    }

    public static Guid Id(this JsonElement detail) => detail.GetProperty("id").GetGuid();

    /// <summary>
    /// Registers the subject in Grading (its archive holds every subject that signs a letter, and Grading parks a verdict
    /// about an unknown one), takes an application on the credit path and records its signing; returns the detail.
    /// </summary>
    public static async Task<JsonElement> SubmitSignedCreditPathAsync(
        this ServicesFixture services, string uscc, string name = "淮阴区信用承诺测试有限公司", bool registerInGrading = true)
    {
        if (registerInGrading)
        {
            await services.RegisterLegalEntityAsync(uscc, name);
        }

        var submitted = await services.SubmitAsync(CreditPathBody(uscc, name));
        using var clerk = services.CreateClientAs(ResourceNames.Applications, "clerk-wang", Roles.Clerk);
        return await clerk.PostJsonAsync($"/api/applications/{submitted.Id()}/commitment-letter/signature", new { signedBy = "周振华" }, HttpStatusCode.OK);
    }

    /// <summary>Publishes a grade for <paramref name="uscc"/> on the real bus and waits until Applications has applied it.</summary>
    public static async Task PublishGradeAsync(this ServicesFixture services, string uscc, CreditColour colour, DateTimeOffset? effectiveAt = null, Guid? subjectId = null)
    {
        var bus = services.Applications.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        await bus.Publish(new CreditGradeChanged
        {
            SubjectId = subjectId ?? Guid.NewGuid(),
            SubjectKind = SubjectKind.LegalEntity,
            Identifier = uscc,
            Name = "淮阴区测试有限公司",
            Accounts = [],
            OldColour = null,
            NewColour = colour,
            Score = colour switch { CreditColour.Green => 95, CreditColour.Blue => 80, CreditColour.Yellow => 70, CreditColour.Red => 50, _ => 30 },
            Reasons = [],
            RuleVersion = "2021-huaiyin-default",
            EffectiveAt = effectiveAt ?? DateTimeOffset.UtcNow,
        }, c => c.MessageId = messageId, Api.Cancellation);
        await TestSupport.Eventually.UntilAsync(() => services.Consumed.Completed(ResourceNames.Applications, messageId) >= 1,
            $"Applications to apply the {colour} grade of {uscc}");
    }

    public static async Task<HttpResponseMessage> AdvanceAsync(this ServicesFixture services, Guid id, string toStage, string user, string role)
    {
        using var client = services.CreateClientAs(ResourceNames.Applications, user, role);
        return await client.PostAsync($"/api/applications/{id}/stage", Api.RawJson($$"""{"toStage":"{{toStage}}"}"""), Api.Cancellation);
    }

    public static async Task<JsonElement> GetApplicationAsync(this ServicesFixture services, Guid id)
    {
        using var client = services.CreateClient(ResourceNames.Applications, Roles.Clerk);
        return await client.GetJsonAsync($"/api/applications/{id}");
    }
}
