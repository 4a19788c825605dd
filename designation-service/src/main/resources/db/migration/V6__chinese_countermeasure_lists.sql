-- The authorities and programmes of China's lists as OpenSanctions curates them (format cn-countermeasures-csv).
-- V4 and V5 are taken by other changes; on a fresh database Flyway applies them in order before this one.

-- The State Council's Taiwan Affairs Office keeps the lists of "Taiwan independence" diehards; the same office is
-- also the Taiwan Work Office of the CPC Central Committee, as some of its announcements sign.
-- Japan's foreign ministry: what China's countermeasures against Japanese parties answer when the list names no action.
INSERT INTO authority (code, name, country) VALUES
    ('CN-TAO', 'Taiwan Affairs Office of the State Council of the People''s Republic of China', 'CN'),
    ('JP-MOFA', 'Ministry of Foreign Affairs of Japan', 'JP');

UPDATE programme SET legal_basis = 'Anti-Foreign Sanctions Law of the People''s Republic of China (2021)'
    WHERE code = 'CN-COUNTERMEASURES';
UPDATE programme SET legal_basis = 'Provisions on the Unreliable Entity List (MOFCOM Order 2020 No. 4)'
    WHERE code = 'CN-UNRELIABLE-ENTITY-LIST';

INSERT INTO programme (code, authority_code, name, legal_basis) VALUES
    ('CN-MOFCOM-COUNTERMEASURES', 'CN-MOFCOM', 'Countermeasures against foreign sanctions (Ministry of Commerce)',
     'Anti-Foreign Sanctions Law of the People''s Republic of China (2021)'),
    ('CN-EXPORT-CONTROL', 'CN-MOFCOM', 'Export control list (control list of end users barred from dual-use items)',
     'Export Control Law of the People''s Republic of China (2020), Art. 18'),
    ('CN-EXPORT-CONTROL-WATCH', 'CN-MOFCOM', 'Export control watch list',
     'Export Control Law of the People''s Republic of China (2020); Regulations on the Export Control of Dual-use Items (2024)'),
    ('CN-TAIWAN-INDEPENDENCE', 'CN-TAO', 'Punishment of "Taiwan independence" diehards and their accomplices',
     'Announcements of the Taiwan Affairs Office of the State Council (since 5 November 2021)');
