using System.Text.RegularExpressions;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Grading.Features.Subjects;

/// <summary>What registration and profile updates share: the checks of real-name data and contacts, and the announcement.</summary>
internal static partial class SubjectProfile
{
    /// <summary>Checks name, legal representative, mobile, address and accounts; adds each failure under its field.</summary>
    public static void Validate(
        string? name, string? legalRepresentative, string? mobile, string? address, List<string> accounts, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors["name"] = ["名称不能为空，且不超过 200 个字符。"];
        }

        if (legalRepresentative is not null && (legalRepresentative.Trim().Length is 0 or > 100))
        {
            errors["legalRepresentative"] = ["法定代表人姓名不能为空白，且不超过 100 个字符。"];
        }

        if (mobile is not null && !MainlandMobile().IsMatch(mobile.Trim()))
        {
            errors["mobile"] = ["手机号码应为 11 位中国大陆手机号（以 1 开头，第二位为 3–9）。"];
        }

        if (address is not null && (address.Trim().Length is 0 or > 300))
        {
            errors["address"] = ["地址不能为空白，且不超过 300 个字符。"];
        }

        var badAccount = accounts.FirstOrDefault(a => a.Length is < 10 or > 13 || !a.All(char.IsAsciiDigit));
        if (badAccount is not null)
        {
            errors["accounts"] = [$"户号“{badAccount}”应为 10–13 位数字。"];
        }
        else if (accounts.Count != accounts.Distinct().Count())
        {
            errors["accounts"] = ["户号不能重复。"];
        }
    }

    /// <summary>Empty or whitespace optional text is stored as absent.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Queues <see cref="SubjectProfileChanged"/>; it commits with the caller's change, or not at all.</summary>
    public static void Announce(GradingDbContext db, Subject subject, TimeProvider clock) =>
        db.AddToOutbox(new SubjectProfileChanged
        {
            SubjectId = subject.Id,
            SubjectKind = subject.Kind,
            Identifier = subject.Identifier,
            Name = subject.Name,
            LegalRepresentative = subject.LegalRepresentative,
            Mobile = subject.Mobile,
            Address = subject.Address,
            Accounts = [.. subject.Accounts.Select(a => a.Number).Order(StringComparer.Ordinal)],
            ChangedAt = clock.GetUtcNow(),
        }, clock);

    [GeneratedRegex("^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MainlandMobile();
}
