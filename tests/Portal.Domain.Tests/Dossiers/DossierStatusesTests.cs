using Portal.Domain.Dossiers;

namespace Portal.Domain.Tests.Dossiers;

public class DossierStatusesTests
{
    [Fact]
    public void EveryStatus_MapsToANationalCodeAndWording()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var info = DossierStatuses.Of(status);
            Assert.InRange(info.NationalCode, 1, 10);
            Assert.False(string.IsNullOrWhiteSpace(info.Vietnamese));
        }
        Assert.Equal(1, DossierStatuses.Of(DossierStatus.Submitted).NationalCode);
        Assert.Equal(10, DossierStatuses.Of(DossierStatus.ResultReturned).NationalCode);
    }
}
