"""languages: a workshop's (its projector, plan and exports) and a facilitator's console

Revision ID: 0011_languages
Revises: 0010_session_epoch
Create Date: 2026-12-01 06:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_languages'
down_revision = '0010_session_epoch'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('language', sa.String(length=8), server_default='en', nullable=False)
        )
    with op.batch_alter_table('facilitator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table('facilitator', schema=None) as batch_op:
        batch_op.drop_column('language')
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_column('language')
