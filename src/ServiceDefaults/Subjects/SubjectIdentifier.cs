using CreditPower.Contracts;

namespace CreditPower.ServiceDefaults.Subjects;

/// <summary>Checks the key of a credit subject according to its kind.</summary>
public static class SubjectIdentifier
{
    public static string Normalize(string? value) => Uscc.Normalize(value);

    public static bool IsValid(SubjectKind kind, string identifier, out string reason) => kind switch
    {
        SubjectKind.LegalEntity => Uscc.IsValid(identifier, out reason),
        SubjectKind.NaturalPerson => ResidentId.IsValid(identifier, out reason),
        _ => Fail(out reason),
    };

    /// <summary>Legal entities' codes are public; natural persons' ID numbers are masked.</summary>
    public static string Display(SubjectKind kind, string identifier) =>
        kind == SubjectKind.NaturalPerson ? PersonalData.MaskIdentifier(identifier) : identifier;

    private static bool Fail(out string reason)
    {
        reason = "未知的主体类型。";
        return false;
    }
}
