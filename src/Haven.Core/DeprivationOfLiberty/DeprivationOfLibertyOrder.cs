using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.DeprivationOfLiberty;

/// A court order authorising the deprivation of a looked-after child's liberty outside a secure
/// children's home (where no secure bed is found, the High Court may authorise it in a children's
/// home or another setting: 903 placement K2, Z12 or Z13). Reported in the SSDA903 DoLo table from
/// 2026-27. Changed (ended, corrected) under its version; removed only softly, with the reason.
public class DeprivationOfLibertyOrder : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    /// DOLO_START: the day the order took effect.
    public DateOnly StartDate { get; set; }
    /// DOLO_END: the day it ended; null while it is in force.
    public DateOnly? EndDate { get; set; }
    /// The court (or body) that authorised it, for example the High Court (Family Division).
    public string AuthorisedBy { get; set; } = "";
    public string Notes { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public DateTime? ChangedAt { get; set; }
    public int? ChangedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }
}

internal sealed class DeprivationOfLibertyOrderMapping : IEntityTypeConfiguration<DeprivationOfLibertyOrder>
{
    public void Configure(EntityTypeBuilder<DeprivationOfLibertyOrder> b)
    {
        b.ToTable("DeprivationOfLibertyOrders");
        b.HasOne(o => o.Child).WithMany().HasForeignKey(o => o.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.AuthorisedBy).HasMaxLength(DeprivationOfLibertyService.MaxAuthorisedBy);
        b.Property(o => o.Notes).HasMaxLength(DeprivationOfLibertyService.MaxNotes);
        b.Property(o => o.DeletionReason).HasMaxLength(1000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.ChildId, o.StartDate });
        b.HasIndex(o => o.SubmissionId).IsUnique();
        b.HasQueryFilter(o => o.DeletedAt == null);
    }
}
