CREATE UNIQUE INDEX CONCURRENTLY idx_products_sku ON products (sku);
