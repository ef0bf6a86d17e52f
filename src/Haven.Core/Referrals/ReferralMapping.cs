using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Referrals;

internal sealed class ReferralMapping : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.SourceCode).HasMaxLength(4);
        b.Property(r => r.PrimaryNeedCode).HasMaxLength(4);
        b.Property(r => r.ReasonForClosureCode).HasMaxLength(4);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.ChildId, r.ReferralDate });
        b.HasOne<Haven.Core.FrontDoor.Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
