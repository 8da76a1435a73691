"""tables: a workshop's round tables and the table each participant sits at

Revision ID: 0012_tables
Revises: 0011_languages
Create Date: 2026-12-01 07:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_tables'
down_revision = '0011_languages'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('table_count', sa.Integer(), server_default='0', nullable=False)
        )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('table_number', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('table_number')
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_column('table_count')
