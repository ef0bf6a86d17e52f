using Haven.Core.Access;

namespace Haven.Web.Features.Mega;

public static class PanelAccess
{
    /// Recording meetings, decisions and actions: roles that change case records (senior leaders
    /// and others who only read see the panel's records but do not write them).
    public static bool MayRecord(CurrentWorker? w) => w is not null && AccessMatrix.For(w.Role).Write != AccessScope.None;
}
