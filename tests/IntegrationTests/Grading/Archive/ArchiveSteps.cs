using System.Net;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.IntegrationTests.Grading.Archive;

/// <summary>A natural person with personal data worth masking: a resident ID, a mobile, an account.</summary>
internal sealed record RegisteredPerson(Guid Id, string ResidentId, string Name, string Mobile, string Account);

internal static class ArchiveSteps
{
    public static async Task<RegisteredPerson> RegisterNaturalPersonAsync(this ServicesFixture services, string mobile = "13812345678")
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var residentId = TestIdentifiers.NewResidentId();
        var account = TestIdentifiers.NewAccountNumber();
        // Unique per test, so a name search finds exactly this subject.
        var name = $"档案测试{Guid.NewGuid():N}"[..16];
        var subject = await clerk.PostJsonAsync("/api/subjects", new
        {
            kind = "naturalPerson",
            identifier = residentId,
            name,
            mobile,
            address = "淮安市淮阴区长江东路 1 号",
            accounts = new[] { account },
        }, HttpStatusCode.Created);
        return new RegisteredPerson(subject.GetProperty("id").GetGuid(), residentId, name, mobile, account);
    }
}
