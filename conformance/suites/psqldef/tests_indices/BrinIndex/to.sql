CREATE TABLE timeseries (ts timestamp, val numeric);
CREATE INDEX idx_ts_brin ON timeseries USING brin (ts);
