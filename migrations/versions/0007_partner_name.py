"""a partner's story carries the partner's first name

Revision ID: 0007_partner_name
Revises: 0006_story_text
Create Date: 2026-11-30 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_partner_name'
down_revision = '0006_story_text'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('partner_name', sa.String(length=40), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.drop_column('partner_name')
