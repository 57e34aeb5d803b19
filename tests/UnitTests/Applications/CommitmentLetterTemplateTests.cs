using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.CreditPath;
using Xunit;

namespace CreditPower.UnitTests.Applications;

public sealed class CommitmentLetterTemplateTests
{
    [Fact]
    public void Letter_numbers_are_six_digits_per_year()
    {
        Assert.Equal("淮阴供电信诺〔2026〕000031号", CommitmentLetterTemplate.Number("淮阴供电信诺", 2026, 31));
    }

    [Fact]
    public void Promises_carry_their_deadlines_from_the_letter_date()
    {
        var options = new CommitmentOptions { PropertyDocumentDays = 90, ConductMonths = 12 };

        var promises = CommitmentLetterTemplate.Promises(new DateOnly(2026, 11, 28), options);

        Assert.Equal(
            [CommitmentKind.PropertyDocuments, CommitmentKind.BillsOnTime, CommitmentKind.NoTheft, CommitmentKind.PrepaidMeterOnBreach],
            promises.Select(p => p.Kind));
        Assert.Equal(new DateOnly(2027, 2, 26), promises[0].Deadline);
        Assert.StartsWith("于2027年2月26日前（90 日内）补齐", promises[0].Promise, StringComparison.Ordinal);
        Assert.All(promises[1..], p => Assert.Equal(new DateOnly(2027, 11, 28), p.Deadline));
    }
}
