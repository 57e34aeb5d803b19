namespace CreditPower.Grading.Domain;

public enum ReevaluationKind
{
    /// <summary>The monthly evaluation of everyone: expiries and (one-step) upgrades.</summary>
    Monthly = 1,

    /// <summary>Everyone, under a rule-set version that has just been activated.</summary>
    Activation = 2,
}
