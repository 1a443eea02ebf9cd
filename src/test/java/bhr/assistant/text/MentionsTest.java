package bhr.assistant.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionsTest {

    @Test
    void a_rules_number_or_a_year_is_not_an_amount() {
        assertEquals(List.of(), Mentions.in("Indonesia telah meratifikasi Konvensi ILO 138 tentang usia minimum melalui UU 20/1999.", false).numbers());
        assertEquals(List.of(), Mentions.in("Perpres Nomor 60 Tahun 2023 dan Pasal 68 mengaturnya sejak 2003.", false).numbers());
        assertEquals(List.of(), Mentions.in("Principle 31 of the UNGPs lists the criteria.", false).numbers());
    }

    @Test
    void counts_ages_money_and_shares_are_amounts() {
        assertEquals(List.of("18"), Mentions.in("Usia minimum untuk bekerja adalah 18 tahun (Pasal 68 UU 13/2003).", false).numbers());
        assertEquals(List.of("5.729.876"), Mentions.in("UMP DKI Jakarta 2026 adalah Rp5.729.876 per bulan.", false).numbers());
        assertTrue(Mentions.in("Kuotanya paling sedikit 2% dari jumlah pegawai.", false).numbers().contains("2"));
        assertTrue(Mentions.in("Hampir tiga ratus perusahaan memakai PRISMA.", false).numbers().contains("tiga"));
    }

    @Test
    void the_year_in_a_rules_number_is_not_a_date() {
        assertEquals(List.of(), Mentions.in("Ya, Stranas BHAM menjangkau UMKM, tetapi Perpres 60/2023 tidak memuat sanksi.", false).dates());
        assertEquals(List.of(), Mentions.in("Diatur dalam Peraturan Presiden Nomor 60 Tahun 2023.", false).dates());
    }

    @Test
    void dates_still_count_years() {
        assertEquals(List.of("26 september 2023".substring(3)), Mentions.in("Perpres ditandatangani 26 September 2023.", false).dates());
    }
}
