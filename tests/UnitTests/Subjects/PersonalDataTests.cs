using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Subjects;
using Xunit;

namespace CreditPower.UnitTests.Subjects;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("320811199001011237", "3208**********1237")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("3208111990010112", "3208********0112")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("12345678", "********")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Identifier_is_masked_keeping_the_first_and_last_four_characters(string value, string masked) => Assert.Equal(masked, PersonalData.MaskIdentifier(value));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("15900001111", "159****1111")]
    [InlineData("8613812345678", "861******5678")]
    [InlineData("138123", "******")]
    [InlineData("", "")]
    public void Mobile_is_masked_keeping_the_first_three_and_last_four_digits(string value, string masked) => Assert.Equal(masked, PersonalData.MaskMobile(value));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("320811199001011237")]
    public void Masked_values_keep_their_length(string value)
    {
        Assert.Equal(value.Length, PersonalData.MaskMobile(value).Length);
        Assert.Equal(value.Length, PersonalData.MaskIdentifier(value).Length);
    }

    [Theory]
    [InlineData(SubjectKind.LegalEntity, "91350100M000100Y43", "91350100M000100Y43")]
    [InlineData(SubjectKind.LegalEntity, "914403001922038216", "914403001922038216")]
    [InlineData(SubjectKind.NaturalPerson, "320811199001011237", "3208**********1237")]
    [InlineData(SubjectKind.NaturalPerson, "11010519491231002X", "1101**********002X")]
    public void Legal_entity_identifier_is_shown_in_full_and_natural_person_identifier_is_masked(SubjectKind kind, string identifier, string shown) => Assert.Equal(shown, SubjectIdentifier.Display(kind, identifier));

    [Theory]
    [InlineData(SubjectKind.LegalEntity, "91350100M000100Y43", true)]
    [InlineData(SubjectKind.LegalEntity, "320811199001011237", false)]
    [InlineData(SubjectKind.NaturalPerson, "320811199001011237", true)]
    [InlineData(SubjectKind.NaturalPerson, "91350100M000100Y43", false)]
    [InlineData((SubjectKind)99, "91350100M000100Y43", false)]
    public void Subject_identifier_is_checked_by_the_rule_of_its_kind(SubjectKind kind, string identifier, bool valid)
    {
        Assert.Equal(valid, SubjectIdentifier.IsValid(kind, identifier, out var reason));
        Assert.Equal(valid, reason.Length == 0);
    }
}
