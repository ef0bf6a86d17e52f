using Haven.Core.Data;

namespace Haven.Core.Returns.AnnexA;

/// The restricted-record policy for Annex A (docs/returns.md). Ofsted inspects every child, so every
/// child the lists include appears, with their Haven ID and the dates and codes of the work done:
/// leaving a child out would make the lists (and the inspection's counts) wrong. What is withheld is
/// where a child lives or is placed (postcode, URN and LA of the placement), for
///   * a restricted child (Person.IsRestricted: staff relatives, practice reviews, media profile,
///     domestic abuse or witness protection), and
///   * a child whose adoption record is sealed (adoption order made): the placement is the adoptive
///     home, and nothing that links the child's pre- and post-adoption identities may leave the record.
/// A withheld cell reads "Withheld" so the inspector knows it exists and can ask the council.
/// Annex A carries no names or addresses of children for anyone.
public static class AnnexAPolicy
{
    public const string Withheld = "Withheld";

    public static bool WithholdsLocation(ChildFacts child) => child.IsRestricted || child.IsSealed;

    public static object?[] Apply(IAnnexAList list, ChildFacts? child, object?[] values)
    {
        if (child is null || !WithholdsLocation(child)) return values;
        var sensitivities = list.Sensitivities;
        for (var i = 0; i < values.Length; i++)
            if (sensitivities[i] == Sensitivity.Location) values[i] = Withheld;
        return values;
    }
}

/// Ofsted Annex A as at a day: every list built from one snapshot of the record, the policy applied,
/// written as one workbook.
public static class AnnexAReturn
{
    public const string FileName = "annex-a.xlsx";

    /// The inspection window: the six months ending on the as-at day (the day itself included), so
    /// as at 30 September it runs from 1 April (not 31 March).
    public static ReturnPeriod WindowEnding(DateOnly asAt) => new(asAt.AddDays(1).AddMonths(-6), asAt);

    public static async Task<IReadOnlyList<AnnexASheet>> BuildAsync(HavenDbContext db, ReturnPeriod window, CancellationToken ct)
    {
        var data = await AnnexASnapshot.LoadAsync(db, window, ct);
        // The lists are plain functions of the snapshot (read only once loaded), so they are built on
        // every core; AsOrdered keeps the template's order of sheets.
        return AnnexALists.All.AsParallel().AsOrdered().WithCancellation(ct).Select(list => new AnnexASheet(list.SheetName, list.Headers,
            list.Rows(data).Select(r => (IReadOnlyList<object?>)AnnexAPolicy.Apply(list, r.ChildId is { } id ? data.Children.GetValueOrDefault(id) : null, r.Values)).ToList())).ToList();
    }

    public static async Task<string> WriteAsync(HavenDbContext db, ReturnPeriod window, string folder, CancellationToken ct)
    {
        var sheets = await BuildAsync(db, window, ct);
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        AnnexAWorkbook.Write(path, sheets);
        return path;
    }
}

/// Annex A for the Returns page and the CLI. The period's End is the as-at day; its Start is the
/// start of the inspection window (WindowEnding gives the usual six months).
public sealed class AnnexAProducer : IStatutoryReturnProducer
{
    public StatutoryReturn Return => StatutoryReturn.AnnexA;
    public string Title => "Ofsted Annex A";

    public async Task<IReadOnlyList<string>> WriteAsync(HavenDbContext db, ReturnPeriod period, string folder, CancellationToken ct) =>
        [await AnnexAReturn.WriteAsync(db, period, folder, ct)];
}
