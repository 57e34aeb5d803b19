namespace CreditPower.Contracts;

/// <summary>Whether a credit subject is keyed by a USCC or a resident ID number.</summary>
public enum SubjectKind
{
    /// <summary>A legal entity, keyed by its unified social credit code.</summary>
    LegalEntity = 1,

    /// <summary>A natural person, keyed by an 18-character resident ID number.</summary>
    NaturalPerson = 2,
}
