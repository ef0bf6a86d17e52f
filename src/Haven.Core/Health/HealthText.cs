using Haven.Core.Codes;

namespace Haven.Core.Health;

/// How a health record reads in a list, and in the young person's own summary.
public static class HealthText
{
    public static string Detail(HealthRecord r)
    {
        var parts = new List<string>();
        switch (r.Kind)
        {
            case HealthRecordKind.Immunisations:
                parts.Add(r.UpToDate == true ? "Up to date" : "Not up to date");
                break;
            case HealthRecordKind.StrengthsAndDifficulties:
                parts.Add(r.SdqScore is { } s ? $"Score {s}: {HealthRules.Describe(HealthRules.Band(s))}"
                    : $"No score: {CodeLists.SdqReason.Describe(r.SdqReasonCode) ?? r.SdqReasonCode}");
                break;
            case HealthRecordKind.HealthSurveillanceCheck:
                parts.Add(r.UpToDate == true ? "Checks up to date" : "Checks not up to date");
                break;
            case HealthRecordKind.SubstanceMisuse:
                parts.Add(r.InterventionReceived switch
                {
                    true => "Intervention received",
                    false when r.InterventionOfferedRefused == true => "Intervention offered and refused",
                    false => "No intervention received or offered",
                    _ => "Intervention not yet known",
                });
                break;
            case HealthRecordKind.ConvictionOrCaution when r.OffenceOutcome is { } outcome:
                parts.Add(HealthRecord.Describe(outcome));
                break;
        }
        if (r.Title is { } t) parts.Add(t);
        if (r.Outcome is { } o) parts.Add(r.OutcomeDate is { } od ? $"Outcome ({od:d MMM yyyy}): {o}" : $"Outcome: {o}");
        if (r.Notes is { } n) parts.Add(n);
        return string.Join(". ", parts);
    }

    /// Plain words for the care leaver's summary: no codes, no scores without their meaning.
    public static string Plain(HealthRecord r) => r.Kind switch
    {
        HealthRecordKind.Immunisations => r.UpToDate == true ? "Your vaccinations were up to date." : "Some vaccinations were not up to date. Your GP can tell you which ones you can still have.",
        HealthRecordKind.StrengthsAndDifficulties => r.SdqScore is { } s
            ? $"Your carer filled in a questionnaire about feelings and behaviour. The score was {s} out of 40 ({HealthRules.Band(s) switch { SdqBand.Normal => "in the usual range", SdqBand.Borderline => "a little higher than usual", _ => "high, which meant extra support was offered" }})."
            : "The feelings and behaviour questionnaire was not completed this time.",
        HealthRecordKind.CamhsReferral => $"You were referred for support with your mental health{(r.Title is { } t ? $" ({t})" : "")}.{(r.Outcome is { } o ? $" What happened: {o}." : "")}",
        HealthRecordKind.Condition => $"{r.Title}.{(r.Notes is { } n ? " " + n : "")}",
        HealthRecordKind.HealthSurveillanceCheck => r.UpToDate == true ? "Your development checks were up to date." : "Some development checks were not up to date.",
        _ => r.Notes ?? "",
    };
}
