"""Search indexes that serve a page straight off the index at a million customers.

Prefix matches (LIKE 'x%') use a btree only under the "C" collation, so every searched text gets a
byte-order index: the name with the page order (name, birth date, number; byte order of UTF-8 Hangul
is 가나다 order), the last four phone digits with the same page order, customer and loan numbers.
Call-list entries get an index by customer for the customer view's badges.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX ix_customers_name_prefix")
    op.execute('CREATE INDEX ix_customers_name_c ON customers ((name COLLATE "C"), birth_date, customer_no)')
    op.execute("DROP INDEX ix_customers_phone_last4")
    op.execute('CREATE INDEX ix_customers_phone_last4_name ON customers '
               '(phone_last4, (name COLLATE "C"), birth_date, customer_no)')
    op.execute('CREATE INDEX ix_customers_customer_no_c ON customers ((customer_no COLLATE "C"))')
    op.execute('CREATE INDEX ix_loans_loan_no_c ON loans ((loan_no COLLATE "C"))')
    op.create_index("ix_call_list_entries_customer_id", "call_list_entries", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_call_list_entries_customer_id", table_name="call_list_entries")
    op.execute("DROP INDEX ix_loans_loan_no_c")
    op.execute("DROP INDEX ix_customers_customer_no_c")
    op.execute("DROP INDEX ix_customers_phone_last4_name")
    op.execute("CREATE INDEX ix_customers_phone_last4 ON customers (phone_last4)")
    op.execute("DROP INDEX ix_customers_name_c")
    op.execute("CREATE INDEX ix_customers_name_prefix ON customers (name text_pattern_ops, birth_date)")
