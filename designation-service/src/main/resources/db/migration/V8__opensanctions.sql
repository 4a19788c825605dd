-- OpenSanctions, the authority of the optional format opensanctions-ftm (CC BY-NC 4.0 data; off by default). It is no
-- sanctioning authority: it aggregates the lists of many. Its designations name each list they come from as a
-- programme "OS-" + the dataset's name upper-cased (OS-EU_FSF, OS-UN_SC_SANCTIONS …), registered on first import.
-- V7 is taken by another change; on a fresh database Flyway applies it in order before this one.
INSERT INTO authority (code, name, country) VALUES
    ('OPENSANCTIONS', 'OpenSanctions (aggregated sanctions data; licence CC BY-NC 4.0)', NULL);
