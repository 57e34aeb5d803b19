using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.Letters;

/// <summary>
/// Writes the notice letter a downgrade to red or black calls for (DOMAIN.md §6): numbered, its sections rendered from
/// the templates in force and fixed for good, and its entry in the contact log.
/// </summary>
internal sealed class LetterIssuer(IOptions<LetterOptions> options, WorkingDayCalendar calendar)
{
    private static readonly string[] _headings =
        ["一、认定事实", "二、认定依据", "三、信用等级的影响", "四、整改要求及期限", "五、信用修复", "六、异议申诉", "七、联系方式"];

    private readonly LetterOptions _options = options.Value;

    /// <summary>The section templates of a letter for <paramref name="colour"/>, in the order they are printed.</summary>
    public static IReadOnlyList<string> SectionCodes(CreditColour colour) =>
    [
        TemplateCatalog.LetterFacts,
        TemplateCatalog.LetterBasis,
        colour == CreditColour.Black ? TemplateCatalog.LetterConsequencesBlack : TemplateCatalog.LetterConsequencesRed,
        TemplateCatalog.LetterAction,
        colour == CreditColour.Black ? TemplateCatalog.LetterRepairBlack : TemplateCatalog.LetterRepairRed,
        TemplateCatalog.LetterObjection,
        TemplateCatalog.LetterContacts,
    ];

    /// <summary>
    /// Adds the letter and its contact log entry to <paramref name="db"/>; the caller saves and commits. Must run inside
    /// the caller's transaction, which holds the year's number until it commits.
    /// </summary>
    public async Task<Letter> IssueAsync(
        NotificationsDbContext db, CreditGradeChanged change, string trigger, IReadOnlyDictionary<string, NoticeTemplate> templates,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = ChinaDates.Local(now).Year;
        var serial = await db.NextSerialAsync(year, cancellationToken);
        var number = LetterNumber.Format(_options.NumberPrefix, year, serial);
        var today = ChinaDates.Day(now);
        var rectifyBy = today.AddDays(_options.RectifyDays);
        var objectBy = calendar.AddWorkingDays(today, _options.ObjectionWorkingDays);
        var reasons = GradeNotices.NamedReasons(change.Reasons).ToList();

        // The contact log keeps the short form (three reasons, as in the SMS); the letter states every reason.
        var parameters = GradeNotices.Parameters(change);
        parameters["number"] = number;
        parameters["issueDate"] = ChinaDates.Format(today);
        parameters["rectifyBy"] = ChinaDates.Format(rectifyBy);
        parameters["objectBy"] = ChinaDates.Format(objectBy);
        parameters["issuer"] = _options.Issuer;
        parameters["issuerAddress"] = _options.IssuerAddress;
        parameters["issuerPhone"] = _options.IssuerPhone;
        var entry = ContactEntries.Queue(change.SubjectId, Channel.Letter, trigger, templates["grade-warning-letter"], parameters, now);
        db.ContactLog.Add(entry);

        var full = new Dictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            ["reasons"] = reasons.Count == 0 ? "信用评分下降" : string.Join("；", reasons),
        };
        var paragraphs = SectionCodes(change.NewColour)
            .Select((code, i) => new LetterParagraph(_headings[i], TemplateText.Render(templates[code].Body, full), code, templates[code].Version))
            .ToList();

        var letter = new Letter
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Serial = serial,
            Number = number,
            SubjectId = change.SubjectId,
            SubjectName = change.Name,
            SubjectKind = change.SubjectKind,
            SubjectIdentifier = change.Identifier,
            Colour = change.NewColour,
            Score = change.Score,
            Reasons = reasons,
            RuleVersion = change.RuleVersion,
            EffectiveAt = change.EffectiveAt,
            Trigger = trigger,
            IssuedAt = now,
            RectifyBy = rectifyBy,
            ObjectBy = objectBy,
            Issuer = _options.Issuer,
            Paragraphs = paragraphs,
            ContactLogEntryId = entry.Id,
        };
        db.Letters.Add(letter);
        return letter;
    }
}
