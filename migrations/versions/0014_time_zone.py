"""a workshop's time zone, for the calendar of its check-ins and due dates

Revision ID: 0014_time_zone
Revises: 0013_round_tables
Create Date: 2026-12-02 00:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_time_zone'
down_revision = '0013_round_tables'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workshop') as batch_op:
        batch_op.add_column(
            sa.Column('time_zone', sa.String(length=64), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('workshop') as batch_op:
        batch_op.drop_column('time_zone')
