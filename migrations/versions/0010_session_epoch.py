"""a facilitator's session epoch: logging out ends every copy of the session

Revision ID: 0010_session_epoch
Revises: 0009_theme_words
Create Date: 2026-12-01 01:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_session_epoch'
down_revision = '0009_theme_words'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('facilitator', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('session_epoch', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('facilitator', schema=None) as batch_op:
        batch_op.drop_column('session_epoch')
