"""a workshop counts the facilitator's edits to what phones list

Revision ID: 0008_content_edits
Revises: 0007_partner_name
Create Date: 2026-11-30 20:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_content_edits'
down_revision = '0007_partner_name'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('content_edits', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_column('content_edits')
