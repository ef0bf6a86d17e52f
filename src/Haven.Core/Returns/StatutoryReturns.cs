using Haven.Core.Data;

namespace Haven.Core.Returns;

/// The statutory returns Haven produces. Each return lives in its own folder beside this file
/// (Cin/, Ssda903/, AnnexA/): a builder that derives the return's model from the record, a writer
/// that writes its files, a reader that reads them back, and its validation rules.
public enum StatutoryReturn
{
    CinCensus,
    Ssda903,
    AnnexA,
}

/// The period a return covers. The CIN census and the SSDA903 cover a collection year from 1 April
/// to 31 March, named by the year it ends in; Annex A is "as at" a day and looks back over the
/// inspection's window ending that day.
public readonly record struct ReturnPeriod(DateOnly Start, DateOnly End)
{
    public static ReturnPeriod CollectionYear(int yearEnding) => new(new DateOnly(yearEnding - 1, 4, 1), new DateOnly(yearEnding, 3, 31));

    /// The collection year a day falls in (1 April to 31 March), named by the year it ends in.
    public static int CollectionYearOf(DateOnly day) => day.Month >= 4 ? day.Year + 1 : day.Year;
}

/// One failure of one validation rule, about one child where the rule is about a child. This is what
/// `validate cin|903` prints, the Data quality page groups, and My work shows to the child's worker.
/// FixPath is the page of the child's record where the fact is put right (null where there is none).
public sealed record ReturnFailure(
    StatutoryReturn Return,
    string RuleCode,
    int? ChildId,
    string ChildReference,
    string Field,
    string Message,
    string? FixPath)
{
    /// A query (the DfE's codes ending in Q) asks the council to confirm something unusual; it is
    /// not an error and does not stop the return. Counted and listed apart from errors everywhere.
    public bool IsQuery => RuleCode.EndsWith('Q');
}

/// A DfE validation rule as Haven implements it, over a return's model (TReturn): the same model
/// whether built live from the record or read back from the files a `returns` command wrote.
public interface IReturnRule<in TReturn>
{
    /// The DfE's rule code, e.g. "8500" or "103".
    string Code { get; }

    /// The DfE's wording of the rule's intent.
    string Message { get; }

    IEnumerable<ReturnFailure> Check(TReturn data);
}

/// Produces one return's files for a period into a folder. Registered in the web app's services
/// (one per return); the Returns page offers each as a download, and the CLI calls the same code.
public interface IStatutoryReturnProducer
{
    StatutoryReturn Return { get; }

    /// Plain-language title for the Returns page, e.g. "CIN census".
    string Title { get; }

    /// Writes the return's files into the folder (created if missing) and gives their full paths.
    Task<IReadOnlyList<string>> WriteAsync(HavenDbContext db, ReturnPeriod period, string folder, CancellationToken ct);
}

/// Validates one return live from the record for a period: what the Data quality page and My work
/// use, so fixing the record clears the failure at once. Registered one per validated return.
public interface IReturnValidator
{
    StatutoryReturn Return { get; }

    Task<IReadOnlyList<ReturnFailure>> ValidateAsync(HavenDbContext db, ReturnPeriod period, CancellationToken ct);
}
