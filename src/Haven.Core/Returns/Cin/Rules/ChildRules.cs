using Haven.Core.People.Identifiers;

namespace Haven.Core.Returns.Cin.Rules;

public sealed class Rule100 : CinRule
{
    public override string Code => "100";
    public override string Message => "Reference date is incorrect";

    public override IEnumerable<ReturnFailure> Check(CinCensus data)
    {
        if (data.Header.ReferenceDate != new DateOnly(data.Header.Year, 3, 31))
            yield return new ReturnFailure(StatutoryReturn.CinCensus, Code, null, "", "ReferenceDate", Message, null);
    }
}

public sealed class Rule8500 : CinRule
{
    public override string Code => "8500";
    public override string Message => "LA Child ID must be present";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (string.IsNullOrWhiteSpace(c.LAchildID)) yield return Fail(c, "LAchildID", CinFix.Details(c));
    }
}

public sealed class Rule8510 : CinRule
{
    public override string Code => "8510";
    public override string Message => "More than one child record with the same LA Child ID";

    public override IEnumerable<ReturnFailure> Check(CinCensus data) =>
        data.Children.Where(c => !string.IsNullOrWhiteSpace(c.LAchildID))
            .GroupBy(c => c.LAchildID).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(c => Fail(c, "LAchildID", CinFix.Details(c))));
}

public sealed class Rule1570 : CinRule
{
    public override string Code => "1570";
    public override string Message => "LA Child ID must be no more than 20 characters";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.LAchildID.Length > 20) yield return Fail(c, "LAchildID", CinFix.Details(c));
    }
}

public sealed class Rule1580 : CinRule
{
    public override string Code => "1580";
    public override string Message => "LA Child ID must contain only letters and digits";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.LAchildID.Length > 0 && !c.LAchildID.All(char.IsAsciiLetterOrDigit)) yield return Fail(c, "LAchildID", CinFix.Details(c));
    }
}

public sealed class Rule1510 : CinRule
{
    public override string Code => "1510";
    public override string Message => "UPN invalid (wrong check letter at character 1)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Upn is { Length: 13 } upn && UniquePupilNumber.Check(upn).ErrorMessage == UniquePupilNumber.CheckLetterMessage)
            yield return Fail(c, "UPN", CinFix.Details(c));
    }
}

public sealed class Rule1520 : CinRule
{
    public override string Code => "1520";
    public override string Message => "More than one pupil record with the same UPN";

    public override IEnumerable<ReturnFailure> Check(CinCensus data) =>
        data.Children.Where(c => !string.IsNullOrWhiteSpace(c.Upn))
            .GroupBy(c => c.Upn!.ToUpperInvariant()).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(c => Fail(c, "UPN", CinFix.Details(c))));
}

public sealed class Rule1540 : CinRule
{
    public override string Code => "1540";
    public override string Message => "UPN invalid (characters 2-12 not all numeric)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Upn is { } upn && (upn.Length != 13 || !upn.AsSpan(1, 11).ToString().All(char.IsAsciiDigit)))
            yield return Fail(c, "UPN", CinFix.Details(c));
    }
}

public sealed class Rule1550 : CinRule
{
    // I, O and S are never used in a UPN.
    private const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
    public override string Code => "1550";
    public override string Message => "UPN invalid (character 13 not a recognised value)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Upn is { Length: 13 } upn && !char.IsAsciiDigit(upn[12]) && !Letters.Contains(char.ToUpperInvariant(upn[12])))
            yield return Fail(c, "UPN", CinFix.Details(c));
    }
}

public sealed class Rule8525Q : CinRule
{
    public override string Code => "8525Q";
    public override string Message => "Either Date of Birth or Expected Date of Birth must be provided (but not both)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if ((c.PersonBirthDate is null) == (c.ExpectedPersonBirthDate is null)) yield return Fail(c, "PersonBirthDate", CinFix.Details(c));
    }
}

public sealed class Rule8520 : CinRule
{
    public override string Code => "8520";
    public override string Message => "Date of Birth is after data collection period (must be on or before the end of the census period)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.PersonBirthDate is { } dob && dob > year.End) yield return Fail(c, "PersonBirthDate", CinFix.Details(c));
    }
}

public sealed class Rule8750 : CinRule
{
    public override string Code => "8750";
    public override string Message => "Sex must equal U for a child with an Expected Date of Birth (an unborn child)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.ExpectedPersonBirthDate is not null && c.PersonBirthDate is null && c.Sex != "U") yield return Fail(c, "Sex", CinFix.Details(c));
    }
}

public sealed class Rule4180 : CinRule
{
    public override string Code => "4180";
    public override string Message => "Sex is missing or is not a valid code (M, F or U)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (!CinCodes.Sex.Contains(c.Sex)) yield return Fail(c, "Sex", CinFix.Details(c));
    }
}

public sealed class Rule4220 : CinRule
{
    public override string Code => "4220";
    public override string Message => "Ethnicity is missing or invalid (see Ethnicity table)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (!CinCodes.Ethnicity.Contains(c.Ethnicity)) yield return Fail(c, "Ethnicity", CinFix.Details(c));
    }
}

public sealed class Rule8540 : CinRule
{
    public override string Code => "8540";
    public override string Message => "Child's disability is missing or invalid (see Disability table)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Disabilities.Any(d => !CinCodes.Disability.Contains(d))) yield return Fail(c, "Disability", CinFix.Details(c));
    }
}

public sealed class Rule8790 : CinRule
{
    public override string Code => "8790";
    public override string Message => "Disability information includes both None and other values";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Disabilities.Count > 1 && c.Disabilities.Contains("NONE", StringComparer.OrdinalIgnoreCase)) yield return Fail(c, "Disability", CinFix.Details(c));
    }
}

public sealed class Rule8794 : CinRule
{
    public override string Code => "8794";
    public override string Message => "Child has two or more disabilities with the same code";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Disabilities.Distinct(StringComparer.OrdinalIgnoreCase).Count() != c.Disabilities.Count) yield return Fail(c, "Disability", CinFix.Details(c));
    }
}

public sealed class Rule8590 : CinRule
{
    public override string Code => "8590";
    public override string Message => "Child does not have a recorded CIN episode (CINdetails)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Episodes.Count == 0) yield return Fail(c, "CINdetails", CinFix.Referral(c));
    }
}
