"""themes carry a summary in words and remember what the facilitator edited by hand

Revision ID: 0009_theme_words
Revises: 0008_content_edits
Create Date: 2026-11-30 21:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_theme_words'
down_revision = '0008_content_edits'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('summary_story_ids', sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column('summary_edited', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column('name_edited', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('core_summary', sa.Text(), server_default='', nullable=False)
        )
        batch_op.add_column(
            sa.Column('core_summary_edited', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_column('core_summary_edited')
        batch_op.drop_column('core_summary')
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_column('name_edited')
        batch_op.drop_column('summary_edited')
        batch_op.drop_column('summary_story_ids')
        batch_op.drop_column('summary')
