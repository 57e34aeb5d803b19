namespace CreditPower.ServiceDefaults.Subjects;

/// <summary>Masks personal data for lists, logs and traces (DOMAIN.md §2).</summary>
public static class PersonalData
{
    /// <summary><c>320811199001011234</c> → <c>3208**********1234</c>.</summary>
    public static string MaskIdentifier(string value) =>
        value.Length <= 8 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));

    /// <summary><c>13812345678</c> → <c>138****5678</c>.</summary>
    public static string MaskMobile(string value) =>
        value.Length < 7 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
}
