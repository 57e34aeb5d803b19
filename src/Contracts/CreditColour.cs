namespace CreditPower.Contracts;

/// <summary>The five credit colours of DOMAIN.md §4, best first. Green and blue are honest customers.</summary>
public enum CreditColour
{
    /// <summary>绿 score ≥ 90 and every green gate met.</summary>
    Green = 1,

    /// <summary>蓝 score 75–89; every new subject starts blue.</summary>
    Blue = 2,

    /// <summary>黄 score 60–74.</summary>
    Yellow = 3,

    /// <summary>红 score 40–59, or a red condition.</summary>
    Red = 4,

    /// <summary>黑 score below 40, or a veto item in force.</summary>
    Black = 5,
}
