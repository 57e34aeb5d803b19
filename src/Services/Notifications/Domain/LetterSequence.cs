namespace CreditPower.Notifications.Domain;

/// <summary>The last letter serial taken in a year; taken with one locking UPDATE … RETURNING inside the letter's transaction.</summary>
public sealed class LetterSequence
{
    public int Year { get; init; }
    public int LastSerial { get; init; }
}
