"""The AT examples as test vectors: signature message, printed characters, QR strings."""

from datetime import date, datetime
from decimal import Decimal as D

from pos.domain.qr import QrData, TaxSpace, build_qr, parse_qr
from pos.domain.signature import certification_line, printed_hash_chars, signature_message
from pos.signing import Verifier

AT_RECORD_1_HASH = (
    "oso2FoOw4V941CwKTrv6xwzUrOtxBWCwU0yLVAqKwf0CNKZHMETG1XZZC4spRSyby1uDXBggpIogrl8gHnvevA00"
    "UEoAvGJo9Fa3DOA0MhZNDa9/rNvu71pp+0zHmN2ra5lWpiHcgmUYxm5qamLBk49rkgvI7h1myKCYBKqgu60=")
WORKED_HASH = (
    "PumUReBgzXBqjshs/8R7ATFH0lAt+CCKDWtPYuM8rCAVSsJmbF3gHJqwnP1wOEoqphPqJY1qBq8yr3DCgnIqcMmRnv"
    "cTSn5nj24mH57huNV0bKrVlULAvnOps5laT9HppyNZp7nwWiNF3SNLyM8Lldsk8CjEKN6MDAbzym2Eycc=")
# The test key's public half that verifies WORKED_HASH (FISCAL-PT §7 worked example).
WORKED_PUBLIC_KEY = b"""-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCc1Zbh8Dg5jr+UW6lbNydJ7O1k
Ei5bksAWO3HPPs2tWSrl51CoHgZpV+0xsppRZ1QWchT9MT8ikhaOCN5LjBouufDJ
j2/hYBxk46v+rqrhnKHqPWaQV98HMBWtlXGCI8jAbb4GXHPByrycfMEsrR+CeJxT
2HkCYAc4Jqz7RgSEjwIDAQAB
-----END PUBLIC KEY-----
"""


def test_first_document_message_ends_with_empty_previous_hash():
    msg = signature_message(date(2010, 5, 18), datetime(2010, 5, 18, 11, 22, 19),
                            "FAC 001/14", D("3.12"), "")
    assert msg == "2010-05-18;2010-05-18T11:22:19;FAC 001/14;3.12;"


def test_chained_message_carries_previous_hash():
    msg = signature_message(date(2010, 5, 18), datetime(2010, 5, 18, 15, 43, 25),
                            "FAC 001/15", D("25.62"), AT_RECORD_1_HASH)
    assert msg == "2010-05-18;2010-05-18T15:43:25;FAC 001/15;25.62;" + AT_RECORD_1_HASH


def test_gross_total_is_two_decimals_without_thousands_separator():
    msg = signature_message(date(2013, 7, 1), datetime(2013, 7, 1, 11, 27, 8),
                            "FS 001/0009", D("1200"), "")
    assert msg.split(";")[3] == "1200.00"


def test_printed_characters_positions_1_11_21_31():
    assert printed_hash_chars(AT_RECORD_1_HASH) == "o9xC"
    assert certification_line(AT_RECORD_1_HASH, "0000") == \
        "o9xC-Processado por programa certificado n.º 0000/AT"


def test_receipts_say_emitido_por():
    assert certification_line("", "9999") == "Emitido por programa certificado n.º 9999/AT"


def test_worked_example_hash_verifies_with_its_public_key():
    pem = WORKED_PUBLIC_KEY
    msg = signature_message(date(2025, 3, 14), datetime(2025, 3, 14, 10, 15, 30),
                            "FS A2025/1", D("1.50"), "")
    assert msg == "2025-03-14;2025-03-14T10:15:30;FS A2025/1;1.50;"
    assert len(WORKED_HASH) == 172
    assert Verifier(pem).verify(msg, WORKED_HASH)
    assert not Verifier(pem).verify(msg.replace("1.50", "1.51"), WORKED_HASH)
    assert printed_hash_chars(WORKED_HASH) == "PBAC"


AT_QR_FS = ("A:123456789*B:999999990*C:PT*D:FS*E:N*F:20190812*G:FS CDVF/12345*H:CDF7T5HD-12345*"
            "I1:PT*I7:0.65*I8:0.15*N:0.15*O:0.80*Q:YhGV*R:9999*S:NU;0.80")
AT_QR_FT = (
    "A:123456789*B:999999990*C:PT*D:FT*E:N*F:20191231*G:FT AB2019/0035*H:CSDF7T5H-0035*I1:PT*"
    "I2:12000.00*I3:15000.00*I4:900.00*I5:50000.00*I6:6500.00*I7:80000.00*I8:18400.00*J1:PT-AC*"
    "J2:10000.00*J3:25000.56*J4:1000.02*J5:75000.00*J6:6750.00*J7:100000.00*J8:18000.00*"
    "K1:PT-MA*K2:5000.00*K3:12500.00*K4:625.00*K5:25000.00*K6:3000.00*K7:40000.00*K8:8800.00*"
    "L:100.00*M:25.00*N:64000.02*O:513600.58*P:100.00*Q:kLp0*R:9999*"
    "S:TB;PT00000000000000000000000;513500.58")
AT_QR_PF = (
    "A:500000000*B:123456789*C:PT*D:PF*E:N*F:20190123*G:PF G2019CB/145789*H:HB6FT7RV-145789*"
    "I1:PT*I2:12345.34*I3:12532.65*I4:751.96*I5:52789.00*I6:6862.57*I7:32425.69*I8:7457.91*"
    "N:15072.44*O:125165.12*Q:r/fY*R:9999")
AT_QR_GT = ("A:500000000*B:123456789*C:PT*D:GT*E:N*F:20190720*G:GT G234CB/50987*"
            "H:GTVX4Y8B-50987*I1:0*N:0.00*O:0.00*Q:5uIg*R:9999")


def test_qr_fatura_simplificada_vector():
    got = build_qr(QrData("123456789", "999999990", "PT", "FS", "N", date(2019, 8, 12),
                          "FS CDVF/12345", "CDF7T5HD-12345",
                          (TaxSpace("PT", normal=(D("0.65"), D("0.15"))),),
                          D("0.15"), D("0.80"), "YhGV", "9999", other_info="NU;0.80"))
    assert got == AT_QR_FS


def test_qr_three_tax_spaces_vector():
    spaces = (
        TaxSpace("PT", D("12000"), (D("15000"), D("900")), (D("50000"), D("6500")),
                 (D("80000"), D("18400"))),
        TaxSpace("PT-AC", D("10000"), (D("25000.56"), D("1000.02")), (D("75000"), D("6750")),
                 (D("100000"), D("18000"))),
        TaxSpace("PT-MA", D("5000"), (D("12500"), D("625")), (D("25000"), D("3000")),
                 (D("40000"), D("8800"))),
    )
    got = build_qr(QrData("123456789", "999999990", "PT", "FT", "N", date(2019, 12, 31),
                          "FT AB2019/0035", "CSDF7T5H-0035", spaces, D("64000.02"),
                          D("513600.58"), "kLp0", "9999", not_subject=D("100"),
                          stamp_duty=D("25"), withholding=D("100"),
                          other_info="TB;PT00000000000000000000000;513500.58"))
    assert got == AT_QR_FT


def test_qr_pro_forma_vector():
    space = TaxSpace("PT", D("12345.34"), (D("12532.65"), D("751.96")),
                     (D("52789.00"), D("6862.57")), (D("32425.69"), D("7457.91")))
    got = build_qr(QrData("500000000", "123456789", "PT", "PF", "N", date(2019, 1, 23),
                          "PF G2019CB/145789", "HB6FT7RV-145789", (space,), D("15072.44"),
                          D("125165.12"), "r/fY", "9999"))
    assert got == AT_QR_PF


def test_qr_unvalued_transport_document_vector():
    got = build_qr(QrData("500000000", "123456789", "PT", "GT", "N", date(2019, 7, 20),
                          "GT G234CB/50987", "GTVX4Y8B-50987", (), D("0"), D("0"), "5uIg",
                          "9999"))
    assert got == AT_QR_GT


def test_parse_keeps_spaces_in_values():
    fields = parse_qr(AT_QR_FS)
    assert fields["G"] == "FS CDVF/12345"
    assert fields["S"] == "NU;0.80"
